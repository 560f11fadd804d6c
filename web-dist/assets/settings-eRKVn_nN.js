import{az as t}from"./index-0AYua6BM.js";async function a(){return t.get("/api/settings")}async function e(s){return t.patch("/api/settings",{changes:s})}export{a as g,e as s};
