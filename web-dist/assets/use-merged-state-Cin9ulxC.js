import{U as i,m as a}from"./index-Cz1YV3ur.js";function m(u,e){return i(u,r=>{r!==void 0&&(e.value=r)}),a(()=>u.value===void 0?e.value:u.value)}export{m as u};
