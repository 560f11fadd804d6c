import{az as t}from"./index-Cz1YV3ur.js";async function n(){return(await t.get("/api/config")).text}async function o(a){const i=await n();await t.put("/api/config",{text:a(i)})}export{o as e,n as g};
