import{O as L,bj as p,m as f,cC as m,cD as x,cE as g,al as h,h as o,c as _,a0 as n,b as c,b5 as b,e as d,o as a,f as i,s as k,n as t,g as u,b2 as C,z as l,aj as v,b6 as B,b1 as y,aa as S,bi as P}from"./index-0AYua6BM.js";function E(e){const{mergedLocaleRef:s,mergedDateLocaleRef:r}=L(p,null)||{},w=f(()=>s?.value?.[e]??m[e]);return{dateLocaleRef:f(()=>r?.value??x),localeRef:w}}var $=g("clear",()=>(()=>{const e=h("c93f8499adf26ca3");return e[0]||(e[0]=o("svg",{viewBox:"0 0 16 16",version:"1.1",xmlns:"http://www.w3.org/2000/svg"},[o("g",{stroke:"none","stroke-width":"1",fill:"none","fill-rule":"evenodd"},[o("g",{fill:"currentColor","fill-rule":"nonzero"},[o("path",{d:"M8,2 C11.3137085,2 14,4.6862915 14,8 C14,11.3137085 11.3137085,14 8,14 C4.6862915,14 2,11.3137085 2,8 C2,4.6862915 4.6862915,2 8,2 Z M6.5343055,5.83859116 C6.33943736,5.70359511 6.07001296,5.72288026 5.89644661,5.89644661 L5.89644661,5.89644661 L5.83859116,5.9656945 C5.70359511,6.16056264 5.72288026,6.42998704 5.89644661,6.60355339 L5.89644661,6.60355339 L7.293,8 L5.89644661,9.39644661 L5.83859116,9.4656945 C5.70359511,9.66056264 5.72288026,9.92998704 5.89644661,10.1035534 L5.89644661,10.1035534 L5.9656945,10.1614088 C6.16056264,10.2964049 6.42998704,10.2771197 6.60355339,10.1035534 L6.60355339,10.1035534 L8,8.707 L9.39644661,10.1035534 L9.4656945,10.1614088 C9.66056264,10.2964049 9.92998704,10.2771197 10.1035534,10.1035534 L10.1035534,10.1035534 L10.1614088,10.0343055 C10.2964049,9.83943736 10.2771197,9.57001296 10.1035534,9.39644661 L10.1035534,9.39644661 L8.707,8 L10.1035534,6.60355339 L10.1614088,6.5343055 C10.2964049,6.33943736 10.2771197,6.07001296 10.1035534,5.89644661 L10.1035534,5.89644661 L10.0343055,5.83859116 C9.83943736,5.70359511 9.57001296,5.72288026 9.39644661,5.89644661 L9.39644661,5.89644661 L8,7.293 L6.60355339,5.89644661 Z"})])])],-1))})()),z=_("base-clear",`
 flex-shrink: 0;
 height: 1em;
 width: 1em;
 position: relative;
`,[n(">",[c("clear",`
 font-size: var(--n-clear-size);
 height: 1em;
 width: 1em;
 cursor: pointer;
 color: var(--n-clear-color);
 transition: color .3s var(--n-bezier);
 display: flex;
 `,[n("&:hover",`
 color: var(--n-clear-color-hover)!important;
 `),n("&:active",`
 color: var(--n-clear-color-pressed)!important;
 `)]),c("placeholder",`
 display: flex;
 `),c("clear, placeholder",`
 position: absolute;
 left: 50%;
 top: 50%;
 transform: translateX(-50%) translateY(-50%);
 `,[b({originalTransform:"translateX(-50%) translateY(-50%)",left:"50%",top:"50%"})])])]);const D=["onClick","onMousedown"];var M=d({name:"BaseClear",props:{clsPrefix:{type:String,required:!0},show:Boolean,onClear:Function},setup(e){return y("-base-clear",z,S(e,"clsPrefix")),{handleMouseDown(s){s.preventDefault()}}},render(){const{clsPrefix:e}=this;return a(),i("div",{class:t(`${e}-base-clear`)},[k(B,null,{default:()=>this.show?(a(),i("div",{key:"dismiss",class:t(`${e}-base-clear__clear`),onClick:this.onClear,onMousedown:this.handleMouseDown,"data-clear":!0},[u(()=>C(this.$slots.icon,()=>[(a(),l(v,{clsPrefix:e},{default:()=>(a(),l($))},1032,["clsPrefix"]))]))],42,D)):(a(),i("div",{key:"icon",class:t(`${e}-base-clear__placeholder`)},[u(()=>this.$slots.placeholder?.())],2))},1024)],2)}}),R=d({name:"ChevronDown",render(){return(()=>{const e=h("ae90ecf811a811ac");return e[0]||(e[0]=o("svg",{viewBox:"0 0 16 16",fill:"none",xmlns:"http://www.w3.org/2000/svg"},[o("path",{d:"M3.14645 5.64645C3.34171 5.45118 3.65829 5.45118 3.85355 5.64645L8 9.79289L12.1464 5.64645C12.3417 5.45118 12.6583 5.45118 12.8536 5.64645C13.0488 5.84171 13.0488 6.15829 12.8536 6.35355L8.35355 10.8536C8.15829 11.0488 7.84171 11.0488 7.64645 10.8536L3.14645 6.35355C2.95118 6.15829 2.95118 5.84171 3.14645 5.64645Z",fill:"currentColor"})],-1))})()}}),I=d({name:"InternalSelectionSuffix",props:{clsPrefix:{type:String,required:!0},showArrow:{type:Boolean,default:void 0},showClear:{type:Boolean,default:void 0},loading:Boolean,onClear:Function},setup(e,{slots:s}){return()=>{const{clsPrefix:r}=e;return a(),l(P,{clsPrefix:r,class:t(`${r}-base-suffix`),strokeWidth:24,scale:.85,show:e.loading},{default:()=>e.showArrow?(a(),l(M,{key:1,clsPrefix:r,show:e.showClear,onClear:e.onClear},{placeholder:()=>(a(),l(v,{clsPrefix:r,class:t(`${r}-base-suffix__arrow`)},{default:()=>C(s.default,()=>[(a(),l(R))])},1032,["clsPrefix","class"]))},1032,["clsPrefix","show","onClear"])):null},1032,["clsPrefix","class","show"])}}});export{R as C,I as S,M as a,E as u};
