import{a as s,m as e,u as a}from"./masked-cvAPMhnU.js";import{g as r}from"./config-BjMFzm19.js";async function o(){const t=s(e(await r()))??{};return JSON.parse(a(JSON.stringify(t)))}export{o as g};
