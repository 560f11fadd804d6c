import{a0 as T,c as h,d as B,b as _,aM as se,aN as le,e as F,u as ee,o as l,f,n as y,g as u,i as ne,j as ie,Q as ce,l as de,m as S,ah as ue,cm as fe,Y as ve,aa as me,O as pe,ab as ge,p as be,r as he,U as G,h as j,y as p,t as a,s as L,w as g,z as x,B as $,F as Q,G as Y,H as C,A as z,E as Z,C as _e,az as q}from"./index-Cz1YV3ur.js";import{T as J}from"./Tag-fT976Yy0.js";import{A as K,u as xe,e as W}from"./useLoad-DAqy2qGf.js";import{I as ye}from"./Input-CU6coxhx.js";import{u as ke}from"./use-message-Wk0SsxfS.js";import{S as we}from"./Space-BDNASsDC.js";import{_ as Ce}from"./Unavailable.vue_vue_type_script_setup_true_lang-CH5-eiCX.js";import{p as oe,m as re,i as ze,L as ae,b as $e}from"./masked-cvAPMhnU.js";import{u as Pe}from"./live-2zLfA0u6.js";import{_ as Re}from"./_plugin-vue_export-helper-DlAUqK2U.js";import"./Suffix-DviuGSAr.js";import"./use-merged-state-Cin9ulxC.js";import"./get-slot-VaplJ9hC.js";import"./series-CJ29tG07.js";var Be=T([h("list",`
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
 `)])]),se(h("list",`
 --n-merged-color-hover: var(--n-color-hover-modal);
 --n-merged-color: var(--n-color-modal);
 --n-merged-border-color: var(--n-border-color-modal);
 `)),le(h("list",`
 --n-merged-color-hover: var(--n-color-hover-popover);
 --n-merged-color: var(--n-color-popover);
 --n-merged-border-color: var(--n-border-color-popover);
 `))]);const Le={...ee.props,size:{type:String,default:"medium"},bordered:Boolean,clickable:Boolean,hoverable:Boolean,showDivider:{type:Boolean,default:!0}},te=ue("n-list");var Se=F({name:"List",props:Le,slots:Object,setup(o){const{mergedClsPrefixRef:e,inlineThemeDisabled:r,mergedRtlRef:c}=ie(o),s=ce("List",c,e),t=ee("List","-list",Be,fe,o,e);ve(te,{showDividerRef:me(o,"showDivider"),mergedClsPrefixRef:e});const v=S(()=>{const{common:{cubicBezierEaseInOut:k},self:{fontSize:w,textColor:d,color:I,colorModal:M,colorPopover:P,borderColor:D,borderColorModal:N,borderColorPopover:V,borderRadius:E,colorHover:A,colorHoverModal:H,colorHoverPopover:O}}=t.value;return{"--n-font-size":w,"--n-bezier":k,"--n-text-color":d,"--n-color":I,"--n-border-radius":E,"--n-border-color":D,"--n-border-color-modal":N,"--n-border-color-popover":V,"--n-color-modal":M,"--n-color-popover":P,"--n-color-hover":A,"--n-color-hover-modal":H,"--n-color-hover-popover":O}}),n=r?de("list",void 0,v,o):void 0;return{mergedClsPrefix:e,rtlEnabled:s,cssVars:r?void 0:v,themeClass:n?.themeClass,onRender:n?.onRender}},render(){const{$slots:o,mergedClsPrefix:e,onRender:r}=this;return r?.(),l(),f("ul",{class:y([`${e}-list`,this.rtlEnabled&&`${e}-list--rtl`,this.bordered&&`${e}-list--bordered`,this.showDivider&&`${e}-list--show-divider`,this.hoverable&&`${e}-list--hoverable`,this.clickable&&`${e}-list--clickable`,this.themeClass]),style:ne(this.cssVars)},[o.header?(l(),f("div",{key:0,class:y(`${e}-list__header`)},[u(()=>o.header())],2)):u(()=>null),u(()=>o.default?.()),o.footer?(l(),f("div",{key:2,class:y(`${e}-list__footer`)},[u(()=>o.footer())],2)):u(()=>null)],6)}}),Ie=F({name:"ListItem",slots:Object,setup(){const o=pe(te,null);return o||ge("list-item","`n-list-item` must be placed in `n-list`."),{showDivider:o.showDividerRef,mergedClsPrefix:o.mergedClsPrefixRef}},render(){const{$slots:o,mergedClsPrefix:e}=this;return l(),f("li",{class:y(`${e}-list-item`)},[o.prefix?(l(),f("div",{key:0,class:y(`${e}-list-item__prefix`)},[u(()=>o.prefix())],2)):u(()=>null),o.default?(l(),f("div",{key:2,class:y(`${e}-list-item__main`)},[u(()=>o.default())],2)):u(()=>null),o.suffix?(l(),f("div",{key:4,class:y(`${e}-list-item__suffix`)},[u(()=>o.suffix())],2)):u(()=>null),u(()=>this.showDivider&&(l(),f("div",{class:y(`${e}-list-item__divider`)},null,2)))],2)}});function Me(o){const e=new ae,r=oe(re(o),{lineCounter:e,prettyErrors:!1,uniqueKeys:!0});return[...r.errors,...r.warnings].map(c=>({line:c.pos?e.linePos(c.pos[0]).line:null,message:c.message.split(`
`)[0]}))}function De(o){const e=[];for(const r of o.matchAll(/([^.[\]]+)|\[(\d+)\]/g))r[2]!==void 0?e.push(Number(r[2])):e.push(r[1]);return e}function Ve(o,e){const r=new ae;let s=oe(re(o),{lineCounter:r}).contents,t=null;for(const v of De(e))if(ze(s)){const n=s.items.find(w=>{const d=w.key;return d&&"value"in d?String(d.value)===String(v):!1});if(!n)break;const k=n.key;k?.range&&(t=r.linePos(k.range[0]).line),s=n.value}else if($e(s)&&typeof v=="number"){const n=s.items[v];if(!n)break;n.range&&(t=r.linePos(n.range[0]).line),s=n}else break;return t}function X(o,e){return e.split(`
`).map(r=>r.trim()).filter(Boolean).map(r=>{const c=/^([A-Za-z0-9_.\-[\]]+):\s+(.*)$/.exec(r);if(c&&(c[1].includes(".")||c[1].includes("[")))return{line:Ve(o,c[1]),message:r};const s=/line (\d+)/.exec(r);return{line:s?Number(s[1]):null,message:r}})}const Ee={class:"stack"},Te={class:"row head"},je={class:"muted small"},Ne={key:2,class:"muted mono small"},Ae={class:"mono small"},He=F({__name:"ConfigView",setup(o){const{t:e}=be(),r=ke(),c=Pe(),s=xe(()=>q.get("/api/config")),t=C(""),v=C(""),n=C([]),k=C([]),w=C(!1),d=C(!1),I=C(null);async function M(){await s.reload(),s.data.value&&(t.value=v.value=s.data.value.text)}he(M),G(()=>c.reloadTick,()=>t.value===v.value&&M()),G(t,()=>{n.value=[],w.value=!1});const P=S(()=>Me(t.value)),D=S(()=>[...P.value,...n.value]),N=S(()=>t.value.split(`
`).length),V=S(()=>t.value!==v.value);async function E(){if(P.value.length)return!1;const i=await q.post("/api/config/validate",{text:t.value});return n.value=i.problems.flatMap(b=>X(t.value,b)),k.value=i.warnings,w.value=i.ok,i.ok}async function A(){d.value=!0;try{await E()&&r.success(e("config.valid"))}catch(i){r.error(W(i))}finally{d.value=!1}}async function H(){d.value=!0;try{if(!await E())return;await q.put("/api/config",{text:t.value}),v.value=t.value,r.success(e("config.reloaded"))}catch(i){n.value=X(t.value,W(i))}finally{d.value=!1}}function O(i){if(!i)return;const b=I.value?.$el?.querySelector("textarea");if(!b)return;const m=t.value.split(`
`).slice(0,i-1).reduce((R,U)=>R+U.length+1,0);b.focus(),b.setSelectionRange(m,m+(t.value.split(`
`)[i-1]?.length??0)),b.scrollTop=Math.max(0,(i-5)*19)}return(i,b)=>(l(),f("div",Ee,[j("div",Te,[j("h1",null,p(a(e)("config.title")),1),L(a(we),{align:"center"},{default:g(()=>[V.value?(l(),x(a(J),{key:0,size:"small",type:"warning"},{default:g(()=>[z(p(a(e)("config.dirty")),1)]),_:1})):$("",!0),j("span",je,p(a(e)("config.lines",{n:N.value})),1),L(a(Z),{loading:d.value,"data-test":"config-validate",onClick:A},{default:g(()=>[z(p(a(e)("config.validate")),1)]),_:1},8,["loading"]),L(a(Z),{type:"primary",loading:d.value,disabled:!V.value||P.value.length>0,"data-test":"config-save",onClick:H},{default:g(()=>[z(p(a(e)("config.save")),1)]),_:1},8,["loading","disabled"])]),_:1})]),a(s).unavailable.value?(l(),x(Ce,{key:0,what:"/api/config"})):$("",!0),a(s).error.value?(l(),x(a(K),{key:1,type:"error"},{default:g(()=>[z(p(a(s).error.value),1)]),_:1})):$("",!0),a(s).data.value?.path?(l(),f("p",Ne,p(a(s).data.value.path),1)):$("",!0),D.value.length?(l(),x(a(_e),{key:3,title:a(e)("config.problems"),size:"small","data-test":"config-problems"},{default:g(()=>[L(a(Se),{hoverable:"",clickable:""},{default:g(()=>[(l(!0),f(Q,null,Y(D.value,(m,R)=>(l(),x(a(Ie),{key:R,onClick:U=>O(m.line)},{default:g(()=>[m.line?(l(),x(a(J),{key:0,size:"small",type:"error",class:"ln"},{default:g(()=>[z(p(a(e)("config.line",{n:m.line})),1)]),_:2},1024)):$("",!0),j("span",Ae,p(m.message),1)]),_:2},1032,["onClick"]))),128))]),_:1})]),_:1},8,["title"])):w.value?(l(),x(a(K),{key:4,type:"success"},{default:g(()=>[z(p(a(e)("config.valid")),1)]),_:1})):$("",!0),(l(!0),f(Q,null,Y(k.value,(m,R)=>(l(),x(a(K),{key:"w"+R,type:"warning"},{default:g(()=>[z(p(m),1)]),_:2},1024))),128)),L(a(ye),{ref_key:"area",ref:I,value:t.value,"onUpdate:value":b[0]||(b[0]=m=>t.value=m),type:"textarea",class:"editor",autosize:{minRows:20,maxRows:40},"input-props":{spellcheck:!1,name:"config-text","aria-label":a(e)("config.title")}},null,8,["value","input-props"])]))}}),ro=Re(He,[["__scopeId","data-v-0d3f91e1"]]);export{ro as default};
