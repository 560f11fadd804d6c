import{a as s,m as e,u as a}from"./masked-cvAPMhnU.js";import{g as r}from"./config-DYmpThz_.js";async function o(){const t=s(e(await r()))??{};return JSON.parse(a(JSON.stringify(t)))}export{o as g};
