import{a0 as T,c as h,d as B,b as _,aM as te,aN as le,e as F,u as ee,o as s,f,n as y,g as u,i as se,j as ne,Q as ie,l as ce,m as I,ah as de,cm as ue,Y as fe,aa as ve,O as me,ab as pe,p as ge,r as be,U as G,h as j,y as p,t as a,s as L,w as g,z as x,B as $,F as Q,G as Y,H as C,A as z,E as Z,C as he,az as q}from"./index-BFs3vQH5.js";import{T as J}from"./Tag-DuQfb6wO.js";import{A as K,u as _e,e as W}from"./useLoad-BjdugILF.js";import{I as xe}from"./Input-BwXVCRCL.js";import{u as ye}from"./use-message-DkF81Ow2.js";import{S as ke}from"./Space-mItxUdTy.js";import{_ as we}from"./Unavailable.vue_vue_type_script_setup_true_lang-DyjJaLoz.js";import{p as oe,i as Ce,L as re,a as ze}from"./public-api-s4lHRs6S.js";import{u as $e}from"./live-DEc2a536.js";import{_ as Pe}from"./_plugin-vue_export-helper-DlAUqK2U.js";import"./Suffix-BhajoP8a.js";import"./use-merged-state-Cbloubfa.js";import"./get-slot-VaplJ9hC.js";import"./series-CJ29tG07.js";var Re=T([h("list",`
 --n-merged-border-color: var(--n-border-color);
 --n-merged-color: var(--n-color);
 --n-merged-color-hover: var(--n-color-hover);
 margin: 0;
 font-size: var(--n-font-size);
 transition:
 background-color .3s var(--n-bezier),
 color .3s var(--n-bezier),
 border-color .3s var(--n-bezier);
 padding: 0;
 list-style-type: none;
 color: var(--n-text-color);
 background-color: var(--n-merged-color);
 `,[B("show-divider",[h("list-item",[T("&:not(:last-child)",[_("divider",`
 background-color: var(--n-merged-border-color);
 `)])])]),B("clickable",[h("list-item",`
 cursor: pointer;
 `)]),B("bordered",`
 border: 1px solid var(--n-merged-border-color);
 border-radius: var(--n-border-radius);
 `),B("hoverable",[h("list-item",`
 border-radius: var(--n-border-radius);
 `,[T("&:hover",`
 background-color: var(--n-merged-color-hover);
 `,[_("divider",`
 background-color: transparent;
 `)])])]),B("bordered, hoverable",[h("list-item",`
 padding: 12px 20px;
 `),_("header, footer",`
 padding: 12px 20px;
 `)]),_("header, footer",`
 padding: 12px 0;
 box-sizing: border-box;
 transition: border-color .3s var(--n-bezier);
 `,[T("&:not(:last-child)",`
 border-bottom: 1px solid var(--n-merged-border-color);
 `)]),h("list-item",`
 position: relative;
 padding: 12px 0; 
 box-sizing: border-box;
 display: flex;
 flex-wrap: nowrap;
 align-items: center;
 transition:
 background-color .3s var(--n-bezier),
 border-color .3s var(--n-bezier);
 `,[_("prefix",`
 margin-right: 20px;
 flex: 0;
 `),_("suffix",`
 margin-left: 20px;
 flex: 0;
 `),_("main",`
 flex: 1;
 `),_("divider",`
 height: 1px;
 position: absolute;
 bottom: 0;
 left: 0;
 right: 0;
 background-color: transparent;
 transition: background-color .3s var(--n-bezier);
 pointer-events: none;
 `)])]),te(h("list",`
 --n-merged-color-hover: var(--n-color-hover-modal);
 --n-merged-color: var(--n-color-modal);
 --n-merged-border-color: var(--n-border-color-modal);
 `)),le(h("list",`
 --n-merged-color-hover: var(--n-color-hover-popover);
 --n-merged-color: var(--n-color-popover);
 --n-merged-border-color: var(--n-border-color-popover);
 `))]);const Be={...ee.props,size:{type:String,default:"medium"},bordered:Boolean,clickable:Boolean,hoverable:Boolean,showDivider:{type:Boolean,default:!0}},ae=de("n-list");var Le=F({name:"List",props:Be,slots:Object,setup(o){const{mergedClsPrefixRef:e,inlineThemeDisabled:r,mergedRtlRef:c}=ne(o),l=ie("List",c,e),t=ee("List","-list",Re,ue,o,e);fe(ae,{showDividerRef:ve(o,"showDivider"),mergedClsPrefixRef:e});const v=I(()=>{const{common:{cubicBezierEaseInOut:k},self:{fontSize:w,textColor:d,color:M,colorModal:S,colorPopover:P,borderColor:D,borderColorModal:N,borderColorPopover:V,borderRadius:E,colorHover:A,colorHoverModal:H,colorHoverPopover:O}}=t.value;return{"--n-font-size":w,"--n-bezier":k,"--n-text-color":d,"--n-color":M,"--n-border-radius":E,"--n-border-color":D,"--n-border-color-modal":N,"--n-border-color-popover":V,"--n-color-modal":S,"--n-color-popover":P,"--n-color-hover":A,"--n-color-hover-modal":H,"--n-color-hover-popover":O}}),n=r?ce("list",void 0,v,o):void 0;return{mergedClsPrefix:e,rtlEnabled:l,cssVars:r?void 0:v,themeClass:n?.themeClass,onRender:n?.onRender}},render(){const{$slots:o,mergedClsPrefix:e,onRender:r}=this;return r?.(),s(),f("ul",{class:y([`${e}-list`,this.rtlEnabled&&`${e}-list--rtl`,this.bordered&&`${e}-list--bordered`,this.showDivider&&`${e}-list--show-divider`,this.hoverable&&`${e}-list--hoverable`,this.clickable&&`${e}-list--clickable`,this.themeClass]),style:se(this.cssVars)},[o.header?(s(),f("div",{key:0,class:y(`${e}-list__header`)},[u(()=>o.header())],2)):u(()=>null),u(()=>o.default?.()),o.footer?(s(),f("div",{key:2,class:y(`${e}-list__footer`)},[u(()=>o.footer())],2)):u(()=>null)],6)}}),Ie=F({name:"ListItem",slots:Object,setup(){const o=me(ae,null);return o||pe("list-item","`n-list-item` must be placed in `n-list`."),{showDivider:o.showDividerRef,mergedClsPrefix:o.mergedClsPrefixRef}},render(){const{$slots:o,mergedClsPrefix:e}=this;return s(),f("li",{class:y(`${e}-list-item`)},[o.prefix?(s(),f("div",{key:0,class:y(`${e}-list-item__prefix`)},[u(()=>o.prefix())],2)):u(()=>null),o.default?(s(),f("div",{key:2,class:y(`${e}-list-item__main`)},[u(()=>o.default())],2)):u(()=>null),o.suffix?(s(),f("div",{key:4,class:y(`${e}-list-item__suffix`)},[u(()=>o.suffix())],2)):u(()=>null),u(()=>this.showDivider&&(s(),f("div",{class:y(`${e}-list-item__divider`)},null,2)))],2)}});function Me(o){const e=new re,r=oe(o,{lineCounter:e,prettyErrors:!1,uniqueKeys:!0});return[...r.errors,...r.warnings].map(c=>({line:c.pos?e.linePos(c.pos[0]).line:null,message:c.message.split(`
`)[0]}))}function Se(o){const e=[];for(const r of o.matchAll(/([^.[\]]+)|\[(\d+)\]/g))r[2]!==void 0?e.push(Number(r[2])):e.push(r[1]);return e}function De(o,e){const r=new re;let l=oe(o,{lineCounter:r}).contents,t=null;for(const v of Se(e))if(Ce(l)){const n=l.items.find(w=>{const d=w.key;return d&&"value"in d?String(d.value)===String(v):!1});if(!n)break;const k=n.key;k?.range&&(t=r.linePos(k.range[0]).line),l=n.value}else if(ze(l)&&typeof v=="number"){const n=l.items[v];if(!n)break;n.range&&(t=r.linePos(n.range[0]).line),l=n}else break;return t}function X(o,e){return e.split(`
`).map(r=>r.trim()).filter(Boolean).map(r=>{const c=/^([A-Za-z0-9_.\-[\]]+):\s+(.*)$/.exec(r);if(c&&(c[1].includes(".")||c[1].includes("[")))return{line:De(o,c[1]),message:r};const l=/line (\d+)/.exec(r);return{line:l?Number(l[1]):null,message:r}})}const Ve={class:"stack"},Ee={class:"row head"},Te={class:"muted small"},je={key:2,class:"muted mono small"},Ne={class:"mono small"},Ae=F({__name:"ConfigView",setup(o){const{t:e}=ge(),r=ye(),c=$e(),l=_e(()=>q.get("/api/config")),t=C(""),v=C(""),n=C([]),k=C([]),w=C(!1),d=C(!1),M=C(null);async function S(){await l.reload(),l.data.value&&(t.value=v.value=l.data.value.text)}be(S),G(()=>c.reloadTick,()=>t.value===v.value&&S()),G(t,()=>{n.value=[],w.value=!1});const P=I(()=>Me(t.value)),D=I(()=>[...P.value,...n.value]),N=I(()=>t.value.split(`
`).length),V=I(()=>t.value!==v.value);async function E(){if(P.value.length)return!1;const i=await q.post("/api/config/validate",{text:t.value});return n.value=i.problems.flatMap(b=>X(t.value,b)),k.value=i.warnings,w.value=i.ok,i.ok}async function A(){d.value=!0;try{await E()&&r.success(e("config.valid"))}catch(i){r.error(W(i))}finally{d.value=!1}}async function H(){d.value=!0;try{if(!await E())return;await q.put("/api/config",{text:t.value}),v.value=t.value,r.success(e("config.reloaded"))}catch(i){n.value=X(t.value,W(i))}finally{d.value=!1}}function O(i){if(!i)return;const b=M.value?.$el?.querySelector("textarea");if(!b)return;const m=t.value.split(`
`).slice(0,i-1).reduce((R,U)=>R+U.length+1,0);b.focus(),b.setSelectionRange(m,m+(t.value.split(`
`)[i-1]?.length??0)),b.scrollTop=Math.max(0,(i-5)*19)}return(i,b)=>(s(),f("div",Ve,[j("div",Ee,[j("h1",null,p(a(e)("config.title")),1),L(a(ke),{align:"center"},{default:g(()=>[V.value?(s(),x(a(J),{key:0,size:"small",type:"warning"},{default:g(()=>[z(p(a(e)("config.dirty")),1)]),_:1})):$("",!0),j("span",Te,p(a(e)("config.lines",{n:N.value})),1),L(a(Z),{loading:d.value,"data-test":"config-validate",onClick:A},{default:g(()=>[z(p(a(e)("config.validate")),1)]),_:1},8,["loading"]),L(a(Z),{type:"primary",loading:d.value,disabled:!V.value||P.value.length>0,"data-test":"config-save",onClick:H},{default:g(()=>[z(p(a(e)("config.save")),1)]),_:1},8,["loading","disabled"])]),_:1})]),a(l).unavailable.value?(s(),x(we,{key:0,what:"/api/config"})):$("",!0),a(l).error.value?(s(),x(a(K),{key:1,type:"error"},{default:g(()=>[z(p(a(l).error.value),1)]),_:1})):$("",!0),a(l).data.value?.path?(s(),f("p",je,p(a(l).data.value.path),1)):$("",!0),D.value.length?(s(),x(a(he),{key:3,title:a(e)("config.problems"),size:"small","data-test":"config-problems"},{default:g(()=>[L(a(Le),{hoverable:"",clickable:""},{default:g(()=>[(s(!0),f(Q,null,Y(D.value,(m,R)=>(s(),x(a(Ie),{key:R,onClick:U=>O(m.line)},{default:g(()=>[m.line?(s(),x(a(J),{key:0,size:"small",type:"error",class:"ln"},{default:g(()=>[z(p(a(e)("config.line",{n:m.line})),1)]),_:2},1024)):$("",!0),j("span",Ne,p(m.message),1)]),_:2},1032,["onClick"]))),128))]),_:1})]),_:1},8,["title"])):w.value?(s(),x(a(K),{key:4,type:"success"},{default:g(()=>[z(p(a(e)("config.valid")),1)]),_:1})):$("",!0),(s(!0),f(Q,null,Y(k.value,(m,R)=>(s(),x(a(K),{key:"w"+R,type:"warning"},{default:g(()=>[z(p(m),1)]),_:2},1024))),128)),L(a(xe),{ref_key:"area",ref:M,value:t.value,"onUpdate:value":b[0]||(b[0]=m=>t.value=m),type:"textarea",class:"editor",autosize:{minRows:20,maxRows:40},"input-props":{spellcheck:!1,name:"config-text","aria-label":a(e)("config.title")}},null,8,["value","input-props"])]))}}),oo=Pe(Ae,[["__scopeId","data-v-0d3f91e1"]]);export{oo as default};
