import{aF as ho,aG as Ht,aH as bo,e as le,a0 as aa,aI as po,z as W,c as i,t as L,b as J,f as o,h as m,j as S,n as M,m as Je,aJ as oa,at as Ke,k as U,d as k,aK as zt,aL as na,aM as la,u as Le,B as gt,A as be,aN as ia,aO as cr,l as Re,i as Ne,av as vt,aP as Vt,aQ as vo,a5 as xt,q as Ct,r as w,C as sa,D as de,I as ye,ah as Y,s as Mt,F as ce,S as $,y as At,aR as Nt,aS as da,w as bt,aT as pt,x as mo,G as Te,aU as br,ax as go,a as yt,aV as pr,a6 as Pt,aW as yo,ar as tt,aX as ca,aY as Dt,aZ as ua,a_ as xo,a$ as Co,b0 as tr,a1 as fa,X as Bt,o as ko,b1 as Lt,b2 as rt,M as Ae,b3 as ha,b4 as ba,b5 as wo,b6 as Ro,H as xr,b7 as So,b8 as zo,T as Po,b9 as _o,ba as Fo,ak as pa,bb as $o,au as To,al as Bo,ay as rr,E as va,a2 as Cr,bc as Mo,bd as Et,Z as Ao,$ as Lo,be as Eo,bf as Io,ao as kr,K as Wt,N as B,U as jt,R as Ze,aB as Oo,V as mt,O as ct,L as Uo,aE as No,Y as Do,bg as wr,bh as Ho}from"./index-C5zr68Ca.js";import{b as Ko,d as Rr,u as ut,e as Vo,h as Tt,c as ma,i as Wo,p as Sr,P as ga,m as zr,j as jo,S as qo,k as ya,T as Xo,f as at,C as Go,l as xa,g as Pr,E as Zo,n as _r,o as Jo,a as Fr,_ as qt,q as Yo}from"./_plugin-vue_export-helper-DvYTjNhh.js";import{I as Kt,A as Qo,u as $r}from"./useLoad-BuJslPdo.js";import{c as en,D as tn,C as Ca,l as rn,u as an}from"./live-BfFro4qA.js";function on(e,t){if(!e)return;const r=document.createElement("a");r.href=e,t!==void 0&&(r.download=t),document.body.appendChild(r),r.click(),document.body.removeChild(r)}var nn=/\s/;function ln(e){for(var t=e.length;t--&&nn.test(e.charAt(t)););return t}var sn=/^\s+/;function dn(e){return e&&e.slice(0,ln(e)+1).replace(sn,"")}var Tr=NaN,cn=/^[-+]0x[0-9a-f]+$/i,un=/^0b[01]+$/i,fn=/^0o[0-7]+$/i,hn=parseInt;function Br(e){if(typeof e=="number")return e;if(ho(e))return Tr;if(Ht(e)){var t=typeof e.valueOf=="function"?e.valueOf():e;e=Ht(t)?t+"":t}if(typeof e!="string")return e===0?e:+e;e=dn(e);var r=un.test(e);return r||fn.test(e)?hn(e.slice(2),r?2:8):cn.test(e)?Tr:+e}var ar=function(){return bo.Date.now()},bn="Expected a function",pn=Math.max,vn=Math.min;function mn(e,t,r){var a,n,l,d,f,h,c=0,g=!1,x=!1,C=!0;if(typeof e!="function")throw new TypeError(bn);t=Br(t)||0,Ht(r)&&(g=!!r.leading,x="maxWait"in r,l=x?pn(Br(r.maxWait)||0,t):l,C="trailing"in r?!!r.trailing:C);function b(y){var z=a,X=n;return a=n=void 0,c=y,d=e.apply(X,z),d}function s(y){return c=y,f=setTimeout(R,t),g?b(y):d}function p(y){var z=y-h,X=y-c,q=t-z;return x?vn(q,l-X):q}function u(y){var z=y-h,X=y-c;return h===void 0||z>=t||z<0||x&&X>=l}function R(){var y=ar();if(u(y))return T(y);f=setTimeout(R,p(y))}function T(y){return f=void 0,C&&a?b(y):(a=n=void 0,d)}function E(){f!==void 0&&clearTimeout(f),c=0,a=h=n=f=void 0}function N(){return f===void 0?d:T(ar())}function _(){var y=ar(),z=u(y);if(a=arguments,n=this,h=y,z){if(f===void 0)return s(h);if(x)return clearTimeout(f),f=setTimeout(R,t),b(h)}return f===void 0&&(f=setTimeout(R,t)),d}return _.cancel=E,_.flush=N,_}var gn="Expected a function";function yn(e,t,r){var a=!0,n=!0;if(typeof e!="function")throw new TypeError(gn);return Ht(r)&&(a="leading"in r?!!r.leading:a,n="trailing"in r?!!r.trailing:n),mn(e,t,{leading:a,maxWait:t,trailing:n})}const xn=Rr(".v-x-scroll",{overflow:"auto",scrollbarWidth:"none"},[Rr("&::-webkit-scrollbar",{width:0,height:0})]),Cn=le({name:"XScroll",props:{disabled:Boolean,onScroll:Function},setup(){const e=W(null);function t(n){!(n.currentTarget.offsetWidth<n.currentTarget.scrollWidth)||n.deltaY===0||(n.currentTarget.scrollLeft+=n.deltaY+n.deltaX,n.preventDefault())}const r=po();return xn.mount({id:"vueuc/x-scroll",head:!0,anchorMetaName:Ko,ssr:r}),Object.assign({selfRef:e,handleWheel:t},{scrollTo(...n){var l;(l=e.value)===null||l===void 0||l.scrollTo(...n)}})},render(){return aa("div",{ref:"selfRef",onScroll:this.onScroll,onWheel:this.disabled?void 0:this.handleWheel,class:"v-x-scroll"},this.$slots)}});var kn=i("input-group",`
 display: inline-flex;
 width: 100%;
 flex-wrap: nowrap;
 vertical-align: bottom;
`,[L(">",[i("input",[L("&:not(:last-child)",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `),L("&:not(:first-child)",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 margin-left: -1px!important;
 `)]),i("button",[L("&:not(:last-child)",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `,[J("state-border, border",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `)]),L("&:not(:first-child)",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `,[J("state-border, border",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `)])]),L("*",[L("&:not(:last-child)",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `,[L(">",[i("input",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `),i("base-selection",[i("base-selection-label",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `),i("base-selection-tags",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `),J("box-shadow, border, state-border",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `)])])]),L("&:not(:first-child)",`
 margin-left: -1px!important;
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `,[L(">",[i("input",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `),i("base-selection",[i("base-selection-label",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `),i("base-selection-tags",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `),J("box-shadow, border, state-border",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `)])])])])])]);const wn={};var Rn=le({name:"InputGroup",props:wn,setup(e){const{mergedClsPrefixRef:t}=Je(e);return oa("-input-group",kn,t),{mergedClsPrefix:t}},render(){const{mergedClsPrefix:e}=this;return o(),m("div",{class:M(`${e}-input-group`)},[S(()=>this.$slots.default?.())],2)}}),Sn=le({name:"ChevronLeft",render(){return(()=>{const e=Ke("dfe229c2639b2082");return e[0]||(e[0]=U("svg",{viewBox:"0 0 16 16",fill:"none",xmlns:"http://www.w3.org/2000/svg"},[U("path",{d:"M10.3536 3.14645C10.5488 3.34171 10.5488 3.65829 10.3536 3.85355L6.20711 8L10.3536 12.1464C10.5488 12.3417 10.5488 12.6583 10.3536 12.8536C10.1583 13.0488 9.84171 13.0488 9.64645 12.8536L5.14645 8.35355C4.95118 8.15829 4.95118 7.84171 5.14645 7.64645L9.64645 3.14645C9.84171 2.95118 10.1583 2.95118 10.3536 3.14645Z",fill:"currentColor"})],-1))})()}}),zn=()=>(()=>{const e=Ke("75be776d8875fa17");return e[0]||(e[0]=U("svg",{viewBox:"0 0 64 64",class:"check-icon"},[U("path",{d:"M50.42,16.76L22.34,39.45l-8.1-11.46c-1.12-1.58-3.3-1.96-4.88-0.84c-1.58,1.12-1.95,3.3-0.84,4.88l10.26,14.51  c0.56,0.79,1.42,1.31,2.38,1.45c0.16,0.02,0.32,0.03,0.48,0.03c0.8,0,1.57-0.27,2.2-0.78l30.99-25.03c1.5-1.21,1.74-3.42,0.52-4.92  C54.13,15.78,51.93,15.55,50.42,16.76z"})],-1))})(),Pn=()=>(()=>{const e=Ke("c6eed899356c8404");return e[0]||(e[0]=U("svg",{viewBox:"0 0 100 100",class:"line-icon"},[U("path",{d:"M80.2,55.5H21.4c-2.8,0-5.1-2.5-5.1-5.5l0,0c0-3,2.3-5.5,5.1-5.5h58.7c2.8,0,5.1,2.5,5.1,5.5l0,0C85.2,53.1,82.9,55.5,80.2,55.5z"})],-1))})(),_n=L([i("checkbox",`
 font-size: var(--n-font-size);
 outline: none;
 cursor: pointer;
 display: inline-flex;
 flex-wrap: nowrap;
 align-items: flex-start;
 word-break: break-word;
 line-height: var(--n-size);
 --n-merged-color-table: var(--n-color-table);
 `,[k("show-label","line-height: var(--n-label-line-height);"),L("&:hover",[i("checkbox-box",[J("border","border: var(--n-border-checked);")])]),L("&:focus:not(:active)",[i("checkbox-box",[J("border",`
 border: var(--n-border-focus);
 box-shadow: var(--n-box-shadow-focus);
 `)])]),k("inside-table",[i("checkbox-box",`
 background-color: var(--n-merged-color-table);
 `)]),k("checked",[i("checkbox-box",`
 background-color: var(--n-color-checked);
 `,[i("checkbox-icon",[L(".check-icon",`
 opacity: 1;
 transform: scale(1);
 `)])])]),k("indeterminate",[i("checkbox-box",[i("checkbox-icon",[L(".check-icon",`
 opacity: 0;
 transform: scale(.5);
 `),L(".line-icon",`
 opacity: 1;
 transform: scale(1);
 `)])])]),k("checked, indeterminate",[L("&:focus:not(:active)",[i("checkbox-box",[J("border",`
 border: var(--n-border-checked);
 box-shadow: var(--n-box-shadow-focus);
 `)])]),i("checkbox-box",`
 background-color: var(--n-color-checked);
 border-left: 0;
 border-top: 0;
 `,[J("border",{border:"var(--n-border-checked)"})])]),k("disabled",{cursor:"not-allowed"},[k("checked",[i("checkbox-box",`
 background-color: var(--n-color-disabled-checked);
 `,[J("border",{border:"var(--n-border-disabled-checked)"}),i("checkbox-icon",[L(".check-icon, .line-icon",{fill:"var(--n-check-mark-color-disabled-checked)"})])])]),i("checkbox-box",`
 background-color: var(--n-color-disabled);
 `,[J("border",`
 border: var(--n-border-disabled);
 `),i("checkbox-icon",[L(".check-icon, .line-icon",`
 fill: var(--n-check-mark-color-disabled);
 `)])]),J("label",`
 color: var(--n-text-color-disabled);
 `)]),i("checkbox-box-wrapper",`
 position: relative;
 width: var(--n-size);
 flex-shrink: 0;
 flex-grow: 0;
 user-select: none;
 -webkit-user-select: none;
 `),i("checkbox-box",`
 position: absolute;
 left: 0;
 top: 50%;
 transform: translateY(-50%);
 height: var(--n-size);
 width: var(--n-size);
 display: inline-block;
 box-sizing: border-box;
 border-radius: var(--n-border-radius);
 background-color: var(--n-color);
 transition: background-color 0.3s var(--n-bezier);
 `,[J("border",`
 transition:
 border-color .3s var(--n-bezier),
 box-shadow .3s var(--n-bezier);
 border-radius: inherit;
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 border: var(--n-border);
 `),i("checkbox-icon",`
 display: flex;
 align-items: center;
 justify-content: center;
 position: absolute;
 left: 1px;
 right: 1px;
 top: 1px;
 bottom: 1px;
 `,[L(".check-icon, .line-icon",`
 width: 100%;
 fill: var(--n-check-mark-color);
 opacity: 0;
 transform: scale(0.5);
 transform-origin: center;
 transition:
 fill 0.3s var(--n-bezier),
 transform 0.3s var(--n-bezier),
 opacity 0.3s var(--n-bezier),
 border-color 0.3s var(--n-bezier);
 `),zt({left:"1px",top:"1px"})])]),J("label",`
 color: var(--n-text-color);
 transition: color .3s var(--n-bezier);
 user-select: none;
 -webkit-user-select: none;
 padding: var(--n-label-padding);
 font-weight: var(--n-label-font-weight);
 `,[L("&:empty",{display:"none"})])]),na(i("checkbox",`
 --n-merged-color-table: var(--n-color-table-modal);
 `)),la(i("checkbox",`
 --n-merged-color-table: var(--n-color-table-popover);
 `))]);const Fn=["id"],$n=["tabindex","aria-checked","aria-labelledby","onKeyup","onKeydown","onClick"],Tn={...Le.props,size:String,checked:{type:[Boolean,String,Number],default:void 0},defaultChecked:{type:[Boolean,String,Number],default:!1},value:[String,Number],disabled:{type:Boolean,default:void 0},indeterminate:Boolean,label:String,focusable:{type:Boolean,default:!0},checkedValue:{type:[Boolean,String,Number],default:!0},uncheckedValue:{type:[Boolean,String,Number],default:!1},"onUpdate:checked":[Function,Array],onUpdateChecked:[Function,Array],privateInsideTable:Boolean,onChange:[Function,Array]};var Xt=le({name:"Checkbox",props:Tn,setup(e){const t=Ne(ka,null),r=W(null),{mergedClsPrefixRef:a,inlineThemeDisabled:n,mergedRtlRef:l,mergedComponentPropsRef:d}=Je(e),f=W(e.defaultChecked),h=de(e,"checked"),c=ut(h,f),g=vt(()=>{if(t){const z=t.valueSetRef.value;return z&&e.value!==void 0?z.has(e.value):!1}else return c.value===e.checkedValue}),x=Vt(e,{mergedSize(z){const{size:X}=e;if(X!==void 0)return X;if(t){const{value:ae}=t.mergedSizeRef;if(ae!==void 0)return ae}if(z){const{mergedSize:ae}=z;if(ae!==void 0)return ae.value}const q=d?.value?.Checkbox?.size;return q||"medium"},mergedDisabled(z){const{disabled:X}=e;if(X!==void 0)return X;if(t){if(t.disabledRef.value)return!0;const{maxRef:{value:q},checkedCountRef:ae}=t;if(q!==void 0&&ae.value>=q&&!g.value)return!0;const{minRef:{value:ne}}=t;if(ne!==void 0&&ae.value<=ne&&g.value)return!0}return z?z.disabled.value:!1}}),{mergedDisabledRef:C,mergedSizeRef:b}=x,s=Le("Checkbox","-checkbox",_n,vo,e,a);function p(z){if(t&&e.value!==void 0)t.toggleCheckbox(!g.value,e.value);else{const{onChange:X,"onUpdate:checked":q,onUpdateChecked:ae}=e,{nTriggerFormInput:ne,nTriggerFormChange:A}=x,oe=g.value?e.uncheckedValue:e.checkedValue;q&&Y(q,oe,z),ae&&Y(ae,oe,z),X&&Y(X,oe,z),ne(),A(),f.value=oe}}function u(z){C.value||p(z)}function R(z){if(!C.value)switch(z.key){case" ":case"Enter":p(z)}}function T(z){z.key===" "&&z.preventDefault()}const E={focus:()=>{r.value?.focus()},blur:()=>{r.value?.blur()}},N=xt("Checkbox",l,a),_=w(()=>{const{value:z}=b,{common:{cubicBezierEaseInOut:X},self:{borderRadius:q,color:ae,colorChecked:ne,colorDisabled:A,colorTableHeader:oe,colorTableHeaderModal:D,colorTableHeaderPopover:H,checkMarkColor:G,checkMarkColorDisabled:Z,border:j,borderFocus:ue,borderDisabled:pe,borderChecked:we,boxShadowFocus:P,textColor:K,textColorDisabled:te,checkMarkColorDisabledChecked:Q,colorDisabledChecked:me,borderDisabledChecked:Se,labelPadding:ze,labelLineHeight:Pe,labelFontWeight:I,[ye("fontSize",z)]:fe,[ye("size",z)]:Fe}}=s.value;return{"--n-label-line-height":Pe,"--n-label-font-weight":I,"--n-size":Fe,"--n-bezier":X,"--n-border-radius":q,"--n-border":j,"--n-border-checked":we,"--n-border-focus":ue,"--n-border-disabled":pe,"--n-border-disabled-checked":Se,"--n-box-shadow-focus":P,"--n-color":ae,"--n-color-checked":ne,"--n-color-table":oe,"--n-color-table-modal":D,"--n-color-table-popover":H,"--n-color-disabled":A,"--n-color-disabled-checked":me,"--n-text-color":K,"--n-text-color-disabled":te,"--n-check-mark-color":G,"--n-check-mark-color-disabled":Z,"--n-check-mark-color-disabled-checked":Q,"--n-font-size":fe,"--n-label-padding":ze}}),y=n?Ct("checkbox",w(()=>b.value[0]),_,e):void 0;return Object.assign(x,E,{rtlEnabled:N,selfRef:r,mergedClsPrefix:a,mergedDisabled:C,renderedChecked:g,mergedTheme:s,labelId:sa(),handleClick:u,handleKeyUp:R,handleKeyDown:T,cssVars:n?void 0:_,themeClass:y?.themeClass,onRender:y?.onRender})},render(){const{$slots:e,renderedChecked:t,mergedDisabled:r,indeterminate:a,privateInsideTable:n,cssVars:l,labelId:d,label:f,mergedClsPrefix:h,focusable:c,handleKeyUp:g,handleKeyDown:x,handleClick:C}=this;this.onRender?.();const b=gt(e.default,s=>f||s?(o(),m("span",{key:1,class:M(`${h}-checkbox__label`),id:d},[S(()=>f||s)],10,Fn)):null);return(()=>{const s=Ke("70be6e74cd27cb50");return o(),m("div",{ref:"selfRef",class:M([`${h}-checkbox`,this.themeClass,this.rtlEnabled&&`${h}-checkbox--rtl`,t&&`${h}-checkbox--checked`,r&&`${h}-checkbox--disabled`,a&&`${h}-checkbox--indeterminate`,n&&`${h}-checkbox--inside-table`,b&&`${h}-checkbox--show-label`]),tabindex:r||!c?void 0:0,role:"checkbox","aria-checked":a?"mixed":t,"aria-labelledby":d,style:Re(l),onKeyup:g,onKeydown:x,onClick:C,onMousedown:s[0]||(s[0]=()=>{cr("selectstart",window,p=>{p.preventDefault()},{once:!0})})},[U("div",{class:M(`${h}-checkbox-box-wrapper`)},[s[1]||(s[1]=S(" ",-1)),U("div",{class:M(`${h}-checkbox-box`)},[be(ia,null,{default:()=>this.indeterminate?(o(),m("div",{key:"indeterminate",class:M(`${h}-checkbox-icon`)},[S(()=>Pn())],2)):(o(),m("div",{key:"check",class:M(`${h}-checkbox-icon`)},[S(()=>zn())],2))},1024),U("div",{class:M(`${h}-checkbox-box__border`)},null,2)],2)],2),S(()=>b)],46,$n)})()}});const ka=Mt("n-checkbox-group"),Bn={min:Number,max:Number,size:String,options:Array,labelField:{type:String,default:"label"},valueField:{type:String,default:"value"},value:Array,defaultValue:{type:Array,default:null},disabled:{type:Boolean,default:void 0},"onUpdate:value":[Function,Array],onUpdateValue:[Function,Array],onChange:[Function,Array]};var Mn=le({name:"CheckboxGroup",props:Bn,setup(e){const{mergedClsPrefixRef:t}=Je(e),r=Vt(e),{mergedSizeRef:a,mergedDisabledRef:n}=r,l=W(e.defaultValue),d=w(()=>e.value),f=ut(d,l),h=w(()=>f.value?.length||0),c=w(()=>Array.isArray(f.value)?new Set(f.value):new Set);function g(x,C){const{nTriggerFormInput:b,nTriggerFormChange:s}=r,{onChange:p,"onUpdate:value":u,onUpdateValue:R}=e;if(Array.isArray(f.value)){const T=Array.from(f.value),E=T.findIndex(N=>N===C);x?~E||(T.push(C),R&&Y(R,T,{actionType:"check",value:C}),u&&Y(u,T,{actionType:"check",value:C}),b(),s(),l.value=T,p&&Y(p,T)):~E&&(T.splice(E,1),R&&Y(R,T,{actionType:"uncheck",value:C}),u&&Y(u,T,{actionType:"uncheck",value:C}),p&&Y(p,T),l.value=T,b(),s())}else x?(R&&Y(R,[C],{actionType:"check",value:C}),u&&Y(u,[C],{actionType:"check",value:C}),p&&Y(p,[C]),l.value=[C],b(),s()):(R&&Y(R,[],{actionType:"uncheck",value:C}),u&&Y(u,[],{actionType:"uncheck",value:C}),p&&Y(p,[]),l.value=[],b(),s())}return At(ka,{checkedCountRef:h,maxRef:de(e,"max"),minRef:de(e,"min"),valueSetRef:c,disabledRef:n,mergedSizeRef:a,toggleCheckbox:g}),{mergedClsPrefix:t}},render(){const{options:e,labelField:t,valueField:r}=this.$props;return o(),m("div",{class:M(`${this.mergedClsPrefix}-checkbox-group`),role:"group"},[e?(o(),m(ce,{key:0},[S(()=>e.map(a=>{const n=a[r];return o(),$(Xt,{key:n,value:n,disabled:a.disabled,label:a[t]},null,8,["value","disabled","label"])}))],64)):(o(),m(ce,{key:1},[S(()=>this.$slots.default?.())],64))],2)}});const wa=Mt("n-popselect");var An=i("popselect-menu",`
 box-shadow: var(--n-menu-box-shadow);
`);const vr={multiple:Boolean,value:{type:[String,Number,Array],default:null},cancelable:Boolean,options:{type:Array,default:()=>[]},size:String,scrollable:Boolean,"onUpdate:value":[Function,Array],onUpdateValue:[Function,Array],onMouseenter:Function,onMouseleave:Function,renderLabel:Function,showCheckmark:{type:Boolean,default:void 0},nodeProps:Function,virtualScroll:Boolean,onChange:[Function,Array]},Mr=mo(vr);var Ln=le({name:"PopselectPanel",props:vr,setup(e){const t=Ne(wa),{mergedClsPrefixRef:r,inlineThemeDisabled:a,mergedComponentPropsRef:n}=Je(e),l=w(()=>e.size||n?.value?.Popselect?.size||"medium"),d=Le("Popselect","-pop-select",An,da,t.props,r),f=w(()=>ma(e.options,Wo("value","children")));function h(s,p){const{onUpdateValue:u,"onUpdate:value":R,onChange:T}=e;u&&Y(u,s,p),R&&Y(R,s,p),T&&Y(T,s,p)}function c(s){x(s.key)}function g(s){!Tt(s,"action")&&!Tt(s,"empty")&&!Tt(s,"header")&&s.preventDefault()}function x(s){const{value:{getNode:p}}=f;if(e.multiple)if(Array.isArray(e.value)){const u=[],R=[];let T=!0;e.value.forEach(E=>{if(E===s){T=!1;return}const N=p(E);N&&(u.push(N.key),R.push(N.rawNode))}),T&&(u.push(s),R.push(p(s).rawNode)),h(u,R)}else{const u=p(s);u&&h([s],[u.rawNode])}else if(e.value===s&&e.cancelable)h(null,null);else{const u=p(s);u&&h(s,u.rawNode);const{"onUpdate:show":R,onUpdateShow:T}=t.props;R&&Y(R,!1),T&&Y(T,!1),t.setShow(!1)}pt(()=>{t.syncPosition()})}bt(de(e,"options"),()=>{pt(()=>{t.syncPosition()})});const C=w(()=>{const{self:{menuBoxShadow:s}}=d.value;return{"--n-menu-box-shadow":s}}),b=a?Ct("select",void 0,C,t.props):void 0;return{mergedTheme:t.mergedThemeRef,mergedClsPrefix:r,treeMate:f,handleToggle:c,handleMenuMousedown:g,cssVars:a?void 0:C,themeClass:b?.themeClass,onRender:b?.onRender,mergedSize:l,scrollbarProps:t.props.scrollbarProps}},render(){return this.onRender?.(),o(),$(Vo,{clsPrefix:this.mergedClsPrefix,focusable:!0,nodeProps:this.nodeProps,class:M([`${this.mergedClsPrefix}-popselect-menu`,this.themeClass]),style:Re(this.cssVars),theme:this.mergedTheme.peers.InternalSelectMenu,themeOverrides:this.mergedTheme.peerOverrides.InternalSelectMenu,multiple:this.multiple,treeMate:this.treeMate,size:this.mergedSize,value:this.value,virtualScroll:this.virtualScroll,scrollable:this.scrollable,scrollbarProps:this.scrollbarProps,renderLabel:this.renderLabel,onToggle:this.handleToggle,onMouseenter:this.onMouseenter,onMouseleave:this.onMouseenter,onMousedown:this.handleMenuMousedown,showCheckmark:this.showCheckmark},{_:1,header:Nt(()=>this.$slots.header?.()||[]),action:Nt(()=>this.$slots.action?.()||[]),empty:Nt(()=>this.$slots.empty?.()||[])},8,["clsPrefix","nodeProps","class","style","theme","themeOverrides","multiple","treeMate","size","value","virtualScroll","scrollable","scrollbarProps","renderLabel","onToggle","onMouseenter","onMouseleave","onMousedown","showCheckmark"])}});const En={...Le.props,...br(Sr,["showArrow","arrow"]),placement:{...Sr.placement,default:"bottom"},trigger:{type:String,default:"hover"},...vr,scrollbarProps:Object};var In=le({name:"Popselect",props:En,slots:Object,inheritAttrs:!1,__popover__:!0,setup(e){const{mergedClsPrefixRef:t}=Je(e),r=Le("Popselect","-popselect",void 0,da,e,t),a=W(null);function n(){a.value?.syncPosition()}function l(d){a.value?.setShow(d)}return At(wa,{props:e,mergedThemeRef:r,syncPosition:n,setShow:l}),{syncPosition:n,setShow:l,popoverInstRef:a,mergedTheme:r}},render(){const{mergedTheme:e}=this,t={theme:e.peers.Popover,themeOverrides:e.peerOverrides.Popover,builtinThemeOverrides:{padding:"0"},ref:"popoverInstRef",internalRenderBody:(r,a,n,l,d)=>{const{$attrs:f}=this;return o(),$(Ln,Te(f,{class:[f.class,r],style:[f.style,...n]},go(this.$props,Mr),{ref:en(a),onMouseenter:zr([l,f.onMouseenter]),onMouseleave:zr([d,f.onMouseleave])}),{header:()=>this.$slots.header?.(),action:()=>this.$slots.action?.(),empty:()=>this.$slots.empty?.()},1040,["class","style","onMouseenter","onMouseleave"])}};return o(),$(ga,Te(br(this.$props,Mr),t,{internalDeactivateImmediately:!0}),{_:1,trigger:Nt(()=>this.$slots.default?.())},16)}});const On={tiny:"mini",small:"tiny",medium:"small",large:"medium",huge:"large"};function Ar(e){const t=On[e];if(t===void 0)throw new Error(`${e} has no smaller size.`);return t}var Lr=le({name:"Backward",render(){return(()=>{const e=Ke("20cdf29399dd0749");return e[0]||(e[0]=U("svg",{viewBox:"0 0 20 20",fill:"none",xmlns:"http://www.w3.org/2000/svg"},[U("path",{d:"M12.2674 15.793C11.9675 16.0787 11.4927 16.0672 11.2071 15.7673L6.20572 10.5168C5.9298 10.2271 5.9298 9.7719 6.20572 9.48223L11.2071 4.23177C11.4927 3.93184 11.9675 3.92031 12.2674 4.206C12.5673 4.49169 12.5789 4.96642 12.2932 5.26634L7.78458 9.99952L12.2932 14.7327C12.5789 15.0326 12.5673 15.5074 12.2674 15.793Z",fill:"currentColor"})],-1))})()}}),Er=le({name:"FastBackward",render(){return(()=>{const e=Ke("9d0d04cc580afefa");return e[0]||(e[0]=U("svg",{viewBox:"0 0 20 20",version:"1.1",xmlns:"http://www.w3.org/2000/svg"},[U("g",{stroke:"none","stroke-width":"1",fill:"none","fill-rule":"evenodd"},[U("g",{fill:"currentColor","fill-rule":"nonzero"},[U("path",{d:"M8.73171,16.7949 C9.03264,17.0795 9.50733,17.0663 9.79196,16.7654 C10.0766,16.4644 10.0634,15.9897 9.76243,15.7051 L4.52339,10.75 L17.2471,10.75 C17.6613,10.75 17.9971,10.4142 17.9971,10 C17.9971,9.58579 17.6613,9.25 17.2471,9.25 L4.52112,9.25 L9.76243,4.29275 C10.0634,4.00812 10.0766,3.53343 9.79196,3.2325 C9.50733,2.93156 9.03264,2.91834 8.73171,3.20297 L2.31449,9.27241 C2.14819,9.4297 2.04819,9.62981 2.01448,9.8386 C2.00308,9.89058 1.99707,9.94459 1.99707,10 C1.99707,10.0576 2.00356,10.1137 2.01585,10.1675 C2.05084,10.3733 2.15039,10.5702 2.31449,10.7254 L8.73171,16.7949 Z"})])])],-1))})()}}),Ir=le({name:"FastForward",render(){return(()=>{const e=Ke("c2e477dd1211740a");return e[0]||(e[0]=U("svg",{viewBox:"0 0 20 20",version:"1.1",xmlns:"http://www.w3.org/2000/svg"},[U("g",{stroke:"none","stroke-width":"1",fill:"none","fill-rule":"evenodd"},[U("g",{fill:"currentColor","fill-rule":"nonzero"},[U("path",{d:"M11.2654,3.20511 C10.9644,2.92049 10.4897,2.93371 10.2051,3.23464 C9.92049,3.53558 9.93371,4.01027 10.2346,4.29489 L15.4737,9.25 L2.75,9.25 C2.33579,9.25 2,9.58579 2,10.0000012 C2,10.4142 2.33579,10.75 2.75,10.75 L15.476,10.75 L10.2346,15.7073 C9.93371,15.9919 9.92049,16.4666 10.2051,16.7675 C10.4897,17.0684 10.9644,17.0817 11.2654,16.797 L17.6826,10.7276 C17.8489,10.5703 17.9489,10.3702 17.9826,10.1614 C17.994,10.1094 18,10.0554 18,10.0000012 C18,9.94241 17.9935,9.88633 17.9812,9.83246 C17.9462,9.62667 17.8467,9.42976 17.6826,9.27455 L11.2654,3.20511 Z"})])])],-1))})()}}),Or=le({name:"Forward",render(){return(()=>{const e=Ke("6fb2c33c1e576c93");return e[0]||(e[0]=U("svg",{viewBox:"0 0 20 20",fill:"none",xmlns:"http://www.w3.org/2000/svg"},[U("path",{d:"M7.73271 4.20694C8.03263 3.92125 8.50737 3.93279 8.79306 4.23271L13.7944 9.48318C14.0703 9.77285 14.0703 10.2281 13.7944 10.5178L8.79306 15.7682C8.50737 16.0681 8.03263 16.0797 7.73271 15.794C7.43279 15.5083 7.42125 15.0336 7.70694 14.7336L12.2155 10.0005L7.70694 5.26729C7.42125 4.96737 7.43279 4.49264 7.73271 4.20694Z",fill:"currentColor"})],-1))})()}}),Ur=le({name:"More",render(){return(()=>{const e=Ke("e4a3e3d3803c676d");return e[0]||(e[0]=U("svg",{viewBox:"0 0 16 16",version:"1.1",xmlns:"http://www.w3.org/2000/svg"},[U("g",{stroke:"none","stroke-width":"1",fill:"none","fill-rule":"evenodd"},[U("g",{fill:"currentColor","fill-rule":"nonzero"},[U("path",{d:"M4,7 C4.55228,7 5,7.44772 5,8 C5,8.55229 4.55228,9 4,9 C3.44772,9 3,8.55229 3,8 C3,7.44772 3.44772,7 4,7 Z M8,7 C8.55229,7 9,7.44772 9,8 C9,8.55229 8.55229,9 8,9 C7.44772,9 7,8.55229 7,8 C7,7.44772 7.44772,7 8,7 Z M12,7 C12.5523,7 13,7.44772 13,8 C13,8.55229 12.5523,9 12,9 C11.4477,9 11,8.55229 11,8 C11,7.44772 11.4477,7 12,7 Z"})])])],-1))})()}});const Nr=`
 background: var(--n-item-color-hover);
 color: var(--n-item-text-color-hover);
 border: var(--n-item-border-hover);
`,Dr=[k("button",`
 background: var(--n-button-color-hover);
 border: var(--n-button-border-hover);
 color: var(--n-button-icon-color-hover);
 `)];var Un=i("pagination",`
 display: flex;
 vertical-align: middle;
 font-size: var(--n-item-font-size);
 flex-wrap: nowrap;
`,[i("pagination-prefix",`
 display: flex;
 align-items: center;
 margin: var(--n-prefix-margin);
 `),i("pagination-suffix",`
 display: flex;
 align-items: center;
 margin: var(--n-suffix-margin);
 `),L("> *:not(:first-child)",`
 margin: var(--n-item-margin);
 `),i("select",`
 width: var(--n-select-width);
 `),L("&.transition-disabled",[i("pagination-item","transition: none!important;")]),i("pagination-quick-jumper",`
 white-space: nowrap;
 display: flex;
 color: var(--n-jumper-text-color);
 transition: color .3s var(--n-bezier);
 align-items: center;
 font-size: var(--n-jumper-font-size);
 `,[i("input",`
 margin: var(--n-input-margin);
 width: var(--n-input-width);
 `)]),i("pagination-item",`
 position: relative;
 cursor: pointer;
 user-select: none;
 -webkit-user-select: none;
 display: flex;
 align-items: center;
 justify-content: center;
 box-sizing: border-box;
 min-width: var(--n-item-size);
 height: var(--n-item-size);
 padding: var(--n-item-padding);
 background-color: var(--n-item-color);
 color: var(--n-item-text-color);
 border-radius: var(--n-item-border-radius);
 border: var(--n-item-border);
 fill: var(--n-button-icon-color);
 transition:
 color .3s var(--n-bezier),
 border-color .3s var(--n-bezier),
 background-color .3s var(--n-bezier),
 fill .3s var(--n-bezier);
 `,[k("button",`
 background: var(--n-button-color);
 color: var(--n-button-icon-color);
 border: var(--n-button-border);
 padding: 0;
 `,[i("base-icon",`
 font-size: var(--n-button-icon-size);
 `)]),yt("disabled",[k("hover",Nr,Dr),L("&:hover",Nr,Dr),L("&:active",`
 background: var(--n-item-color-pressed);
 color: var(--n-item-text-color-pressed);
 border: var(--n-item-border-pressed);
 `,[k("button",`
 background: var(--n-button-color-pressed);
 border: var(--n-button-border-pressed);
 color: var(--n-button-icon-color-pressed);
 `)]),k("active",`
 background: var(--n-item-color-active);
 color: var(--n-item-text-color-active);
 border: var(--n-item-border-active);
 `,[L("&:hover",`
 background: var(--n-item-color-active-hover);
 `)])]),k("disabled",`
 cursor: not-allowed;
 color: var(--n-item-text-color-disabled);
 `,[k("active, button",`
 background-color: var(--n-item-color-disabled);
 border: var(--n-item-border-disabled);
 `)])]),k("disabled",`
 cursor: not-allowed;
 `,[i("pagination-quick-jumper",`
 color: var(--n-jumper-text-color-disabled);
 `)]),k("simple",`
 display: flex;
 align-items: center;
 flex-wrap: nowrap;
 `,[i("pagination-quick-jumper",[i("input",`
 margin: 0;
 `)])])]);function Ra(e){if(!e)return 10;const{defaultPageSize:t}=e;if(t!==void 0)return t;const r=e.pageSizes?.[0];return typeof r=="number"?r:r?.value||10}function Nn(e,t,r,a){let n=!1,l=!1,d=1,f=t;if(t===1)return{hasFastBackward:!1,hasFastForward:!1,fastForwardTo:f,fastBackwardTo:d,items:[{type:"page",label:1,active:e===1,mayBeFastBackward:!1,mayBeFastForward:!1}]};if(t===2)return{hasFastBackward:!1,hasFastForward:!1,fastForwardTo:f,fastBackwardTo:d,items:[{type:"page",label:1,active:e===1,mayBeFastBackward:!1,mayBeFastForward:!1},{type:"page",label:2,active:e===2,mayBeFastBackward:!0,mayBeFastForward:!1}]};const h=1,c=t;let g=e,x=e;const C=(r-5)/2;x+=Math.ceil(C),x=Math.min(Math.max(x,h+r-3),c-2),g-=Math.floor(C),g=Math.max(Math.min(g,c-r+3),3);let b=!1,s=!1;g>3&&(b=!0),x<c-2&&(s=!0);const p=[];p.push({type:"page",label:1,active:e===1,mayBeFastBackward:!1,mayBeFastForward:!1}),b?(n=!0,d=g-1,p.push({type:"fast-backward",active:!1,label:void 0,options:a?Hr(2,g-1):null})):c>=2&&p.push({type:"page",label:2,mayBeFastBackward:!0,mayBeFastForward:!1,active:e===2});for(let u=g;u<=x;++u)p.push({type:"page",label:u,mayBeFastBackward:!1,mayBeFastForward:!1,active:e===u});return s?(l=!0,f=x+1,p.push({type:"fast-forward",active:!1,label:void 0,options:a?Hr(x+1,c-1):null})):x===c-2&&p[p.length-1].label!==c-1&&p.push({type:"page",mayBeFastForward:!0,mayBeFastBackward:!1,label:c-1,active:e===c-1}),p[p.length-1].label!==c&&p.push({type:"page",mayBeFastForward:!1,mayBeFastBackward:!1,label:c,active:e===c}),{hasFastBackward:n,hasFastForward:l,fastBackwardTo:d,fastForwardTo:f,items:p}}function Hr(e,t){const r=[];for(let a=e;a<=t;++a)r.push({label:`${a}`,value:a});return r}const Dn=["onClick","onMouseenter","onMouseleave"],Hn=["onClick"],Kn=["onClick"],Vn={...Le.props,simple:Boolean,page:Number,defaultPage:{type:Number,default:1},itemCount:Number,pageCount:Number,defaultPageCount:{type:Number,default:1},showSizePicker:Boolean,pageSize:Number,defaultPageSize:Number,pageSizes:{type:Array,default(){return[10]}},showQuickJumper:Boolean,size:String,disabled:Boolean,pageSlot:{type:Number,default:9},selectProps:Object,prev:Function,next:Function,goto:Function,prefix:Function,suffix:Function,label:Function,displayOrder:{type:Array,default:["pages","size-picker","quick-jumper"]},to:jo.propTo,showQuickJumpDropdown:{type:Boolean,default:!0},scrollbarProps:Object,"onUpdate:page":[Function,Array],onUpdatePage:[Function,Array],"onUpdate:pageSize":[Function,Array],onUpdatePageSize:[Function,Array],onPageSizeChange:[Function,Array],onChange:[Function,Array]};var Wn=le({name:"Pagination",props:Vn,slots:Object,setup(e){const{mergedComponentPropsRef:t,mergedClsPrefixRef:r,inlineThemeDisabled:a,mergedRtlRef:n}=Je(e),l=w(()=>e.size||t?.value?.Pagination?.size||"medium"),d=Le("Pagination","-pagination",Un,yo,e,r),{localeRef:f}=ya("Pagination"),h=W(null),c=W(e.defaultPage),g=W(Ra(e)),x=ut(de(e,"page"),c),C=ut(de(e,"pageSize"),g),b=w(()=>{const{itemCount:I}=e;if(I!==void 0)return Math.max(1,Math.ceil(I/C.value));const{pageCount:fe}=e;return fe!==void 0?Math.max(fe,1):1}),s=W("");Pt(()=>{e.simple,s.value=String(x.value)});const p=W(!1),u=W(!1),R=W(!1),T=W(!1),E=()=>{e.disabled||(p.value=!0,G())},N=()=>{e.disabled||(p.value=!1,G())},_=()=>{u.value=!0,G()},y=()=>{u.value=!1,G()},z=I=>{Z(I)},X=w(()=>Nn(x.value,b.value,e.pageSlot,e.showQuickJumpDropdown));Pt(()=>{X.value.hasFastBackward?X.value.hasFastForward||(p.value=!1,R.value=!1):(u.value=!1,T.value=!1)});const q=w(()=>{const I=f.value.selectionSuffix;return e.pageSizes.map(fe=>typeof fe=="number"?{label:`${fe} / ${I}`,value:fe}:fe)}),ae=w(()=>t?.value?.Pagination?.inputSize||Ar(l.value)),ne=w(()=>t?.value?.Pagination?.selectSize||Ar(l.value)),A=w(()=>(x.value-1)*C.value),oe=w(()=>{const I=x.value*C.value-1,{itemCount:fe}=e;return fe!==void 0&&I>fe-1?fe-1:I}),D=w(()=>{const{itemCount:I}=e;return I!==void 0?I:(e.pageCount||1)*C.value}),H=xt("Pagination",n,r);function G(){pt(()=>{const{value:I}=h;I&&(I.classList.add("transition-disabled"),h.value?.offsetWidth,I.classList.remove("transition-disabled"))})}function Z(I){if(I===x.value)return;const{"onUpdate:page":fe,onUpdatePage:Fe,onChange:_e,simple:De}=e;fe&&Y(fe,I),Fe&&Y(Fe,I),_e&&Y(_e,I),c.value=I,De&&(s.value=String(I))}function j(I){if(I===C.value)return;const{"onUpdate:pageSize":fe,onUpdatePageSize:Fe,onPageSizeChange:_e}=e;fe&&Y(fe,I),Fe&&Y(Fe,I),_e&&Y(_e,I),g.value=I,b.value<x.value&&Z(b.value)}function ue(){e.disabled||Z(Math.min(x.value+1,b.value))}function pe(){e.disabled||Z(Math.max(x.value-1,1))}function we(){e.disabled||Z(Math.min(X.value.fastForwardTo,b.value))}function P(){e.disabled||Z(Math.max(X.value.fastBackwardTo,1))}function K(I){j(I)}function te(){const I=Number.parseInt(s.value);Number.isNaN(I)||(Z(Math.max(1,Math.min(I,b.value))),e.simple||(s.value=""))}function Q(){te()}function me(I){if(!e.disabled)switch(I.type){case"page":Z(I.label);break;case"fast-backward":P();break;case"fast-forward":we()}}function Se(I){s.value=I.replace(/\D+/g,"")}Pt(()=>{x.value,C.value,G()});const ze=w(()=>{const I=l.value,{self:{buttonBorder:fe,buttonBorderHover:Fe,buttonBorderPressed:_e,buttonIconColor:De,buttonIconColorHover:Xe,buttonIconColorPressed:re,itemTextColor:xe,itemTextColorHover:Ee,itemTextColorPressed:Be,itemTextColorActive:Ge,itemTextColorDisabled:it,itemColor:Ye,itemColorHover:Ie,itemColorPressed:Oe,itemColorActive:ft,itemColorActiveHover:st,itemColorDisabled:Ve,itemBorder:v,itemBorderHover:F,itemBorderPressed:V,itemBorderActive:ie,itemBorderDisabled:ge,itemBorderRadius:Ce,jumperTextColor:ve,jumperTextColorDisabled:O,buttonColor:ee,buttonColorHover:se,buttonColorPressed:he,[ye("itemPadding",I)]:Me,[ye("itemMargin",I)]:We,[ye("inputWidth",I)]:He,[ye("selectWidth",I)]:ke,[ye("inputMargin",I)]:$e,[ye("selectMargin",I)]:je,[ye("jumperFontSize",I)]:Qe,[ye("prefixMargin",I)]:dt,[ye("suffixMargin",I)]:ht,[ye("itemSize",I)]:et,[ye("buttonIconSize",I)]:ot,[ye("itemFontSize",I)]:kt,[`${ye("itemMargin",I)}Rtl`]:Ue,[`${ye("inputMargin",I)}Rtl`]:qe},common:{cubicBezierEaseInOut:_t}}=d.value;return{"--n-prefix-margin":dt,"--n-suffix-margin":ht,"--n-item-font-size":kt,"--n-select-width":ke,"--n-select-margin":je,"--n-input-width":He,"--n-input-margin":$e,"--n-input-margin-rtl":qe,"--n-item-size":et,"--n-item-text-color":xe,"--n-item-text-color-disabled":it,"--n-item-text-color-hover":Ee,"--n-item-text-color-active":Ge,"--n-item-text-color-pressed":Be,"--n-item-color":Ye,"--n-item-color-hover":Ie,"--n-item-color-disabled":Ve,"--n-item-color-active":ft,"--n-item-color-active-hover":st,"--n-item-color-pressed":Oe,"--n-item-border":v,"--n-item-border-hover":F,"--n-item-border-disabled":ge,"--n-item-border-active":ie,"--n-item-border-pressed":V,"--n-item-padding":Me,"--n-item-border-radius":Ce,"--n-bezier":_t,"--n-jumper-font-size":Qe,"--n-jumper-text-color":ve,"--n-jumper-text-color-disabled":O,"--n-item-margin":We,"--n-item-margin-rtl":Ue,"--n-button-icon-size":ot,"--n-button-icon-color":De,"--n-button-icon-color-hover":Xe,"--n-button-icon-color-pressed":re,"--n-button-color-hover":se,"--n-button-color":ee,"--n-button-color-pressed":he,"--n-button-border":fe,"--n-button-border-hover":Fe,"--n-button-border-pressed":_e}}),Pe=a?Ct("pagination",w(()=>{let I="";return I+=l.value[0],I}),ze,e):void 0;return{rtlEnabled:H,mergedClsPrefix:r,locale:f,selfRef:h,mergedPage:x,pageItems:w(()=>X.value.items),mergedItemCount:D,jumperValue:s,pageSizeOptions:q,mergedPageSize:C,inputSize:ae,selectSize:ne,mergedTheme:d,mergedPageCount:b,startIndex:A,endIndex:oe,showFastForwardMenu:R,showFastBackwardMenu:T,fastForwardActive:p,fastBackwardActive:u,handleMenuSelect:z,handleFastForwardMouseenter:E,handleFastForwardMouseleave:N,handleFastBackwardMouseenter:_,handleFastBackwardMouseleave:y,handleJumperInput:Se,handleBackwardClick:pe,handleForwardClick:ue,handlePageItemClick:me,handleSizePickerChange:K,handleQuickJumperChange:Q,cssVars:a?void 0:ze,themeClass:Pe?.themeClass,onRender:Pe?.onRender}},render(){const{$slots:e,mergedClsPrefix:t,disabled:r,cssVars:a,mergedPage:n,mergedPageCount:l,pageItems:d,showSizePicker:f,showQuickJumper:h,mergedTheme:c,locale:g,inputSize:x,selectSize:C,mergedPageSize:b,pageSizeOptions:s,jumperValue:p,simple:u,prev:R,next:T,prefix:E,suffix:N,label:_,goto:y,handleJumperInput:z,handleSizePickerChange:X,handleBackwardClick:q,handlePageItemClick:ae,handleForwardClick:ne,handleQuickJumperChange:A,onRender:oe}=this;oe?.();const D=E||e.prefix,H=N||e.suffix,G=R||e.prev,Z=T||e.next,j=_||e.label;return o(),m("div",{ref:"selfRef",class:M([`${t}-pagination`,this.themeClass,this.rtlEnabled&&`${t}-pagination--rtl`,r&&`${t}-pagination--disabled`,u&&`${t}-pagination--simple`]),style:Re(a)},[D?(o(),m("div",{key:0,class:M(`${t}-pagination-prefix`)},[S(()=>D({page:n,pageSize:b,pageCount:l,startIndex:this.startIndex,endIndex:this.endIndex,itemCount:this.mergedItemCount}))],2)):S(()=>null),S(()=>this.displayOrder.map(ue=>{switch(ue){case"pages":return(()=>{const pe=Ke("9d36e2972681a71c");return o(),m(ce,{key:"pages"},[U("div",{class:M([`${t}-pagination-item`,!G&&`${t}-pagination-item--button`,(n<=1||n>l||r)&&`${t}-pagination-item--disabled`]),onClick:q},[G?(o(),m(ce,{key:0},[S(()=>G({page:n,pageSize:b,pageCount:l,startIndex:this.startIndex,endIndex:this.endIndex,itemCount:this.mergedItemCount}))],64)):(o(),$(tt,{key:1,clsPrefix:t},{default:()=>this.rtlEnabled?(o(),$(Or,{key:2})):(o(),$(Lr,{key:3}))},1032,["clsPrefix"]))],10,Hn),u?(o(),m(ce,{key:0},[U("div",{class:M(`${t}-pagination-quick-jumper`)},[(o(),$(Kt,{value:p,onUpdateValue:z,size:x,placeholder:"",disabled:r,theme:c.peers.Input,themeOverrides:c.peerOverrides.Input,onChange:A},null,8,["value","onUpdateValue","size","disabled","theme","themeOverrides","onChange"]))],2),pe[0]||(pe[0]=S(" /",-1)),pe[1]||(pe[1]=S(" ",-1)),S(()=>l)],64)):(o(),m(ce,{key:1},[S(()=>d.map(we=>{let P,K,te;const{type:Q}=we,me=Q==="page"?`page-${we.label}`:Q;switch(Q){case"page":const ze=we.label;j?P=j({type:"page",node:ze,active:we.active}):P=ze;break;case"fast-forward":const Pe=this.fastForwardActive?(o(),$(tt,{key:6,clsPrefix:t},{default:()=>this.rtlEnabled?(o(),$(Er,{key:7})):(o(),$(Ir,{key:8}))},1032,["clsPrefix"])):(o(),$(tt,{key:9,clsPrefix:t},{default:()=>(o(),$(Ur))},1032,["clsPrefix"]));j?P=j({type:"fast-forward",node:Pe,active:this.fastForwardActive||this.showFastForwardMenu}):P=Pe,K=this.handleFastForwardMouseenter,te=this.handleFastForwardMouseleave;break;case"fast-backward":const I=this.fastBackwardActive?(o(),$(tt,{key:10,clsPrefix:t},{default:()=>this.rtlEnabled?(o(),$(Ir,{key:11})):(o(),$(Er,{key:12}))},1032,["clsPrefix"])):(o(),$(tt,{key:13,clsPrefix:t},{default:()=>(o(),$(Ur))},1032,["clsPrefix"]));j?P=j({type:"fast-backward",node:I,active:this.fastBackwardActive||this.showFastBackwardMenu}):P=I,K=this.handleFastBackwardMouseenter,te=this.handleFastBackwardMouseleave}const Se=(o(),m("div",{key:me,class:M([`${t}-pagination-item`,we.active&&`${t}-pagination-item--active`,Q!=="page"&&(Q==="fast-backward"&&this.showFastBackwardMenu||Q==="fast-forward"&&this.showFastForwardMenu)&&`${t}-pagination-item--hover`,r&&`${t}-pagination-item--disabled`,Q==="page"&&`${t}-pagination-item--clickable`]),onClick:()=>{ae(we)},onMouseenter:K,onMouseleave:te},[S(()=>P)],42,Dn));return Q==="page"||!we.options?Se:(o(),$(In,{to:this.to,key:me,disabled:r,trigger:"hover",virtualScroll:!0,style:{width:"60px"},theme:c.peers.Popselect,themeOverrides:c.peerOverrides.Popselect,builtinThemeOverrides:{peers:{InternalSelectMenu:{height:"calc(var(--n-option-height) * 4.6)"}}},nodeProps:()=>({style:{justifyContent:"center"}}),show:Q==="fast-backward"?this.showFastBackwardMenu:this.showFastForwardMenu,onUpdateShow:ze=>{ze?Q==="fast-backward"?this.showFastBackwardMenu=ze:this.showFastForwardMenu=ze:(this.showFastBackwardMenu=!1,this.showFastForwardMenu=!1)},options:we.options,onUpdateValue:this.handleMenuSelect,scrollable:!0,scrollbarProps:this.scrollbarProps,showCheckmark:!1},{default:()=>Se},1032,["to","disabled","theme","themeOverrides","show","onUpdateShow","options","onUpdateValue","scrollbarProps"]))}))],64)),U("div",{class:M([`${t}-pagination-item`,!Z&&`${t}-pagination-item--button`,{[`${t}-pagination-item--disabled`]:n<1||n>=l||r}]),onClick:ne},[Z?(o(),m(ce,{key:0},[S(()=>Z({page:n,pageSize:b,pageCount:l,itemCount:this.mergedItemCount,startIndex:this.startIndex,endIndex:this.endIndex}))],64)):(o(),$(tt,{key:1,clsPrefix:t},{default:()=>this.rtlEnabled?(o(),$(Lr,{key:4})):(o(),$(Or,{key:5}))},1032,["clsPrefix"]))],10,Kn)],64)})();case"size-picker":return!u&&f?(o(),$(qo,Te({key:14,consistentMenuWidth:!1,placeholder:"",showCheckmark:!1,to:this.to},this.selectProps,{size:C,options:s,value:b,disabled:r,scrollbarProps:this.scrollbarProps,theme:c.peers.Select,themeOverrides:c.peerOverrides.Select,onUpdateValue:X}),null,16,["to","size","options","value","disabled","scrollbarProps","theme","themeOverrides","onUpdateValue"])):null;case"quick-jumper":return!u&&h?(o(),m("div",{key:15,class:M(`${t}-pagination-quick-jumper`)},[y?(o(),m(ce,{key:0},[S(()=>y())],64)):(o(),m(ce,{key:1},[S(()=>pr(this.$slots.goto,()=>[g.goto]))],64)),(o(),$(Kt,{value:p,onUpdateValue:z,size:x,placeholder:"",disabled:r,theme:c.peers.Input,themeOverrides:c.peerOverrides.Input,onChange:A},null,8,["value","onUpdateValue","size","disabled","theme","themeOverrides","onChange"]))],2)):null;default:return null}})),H?(o(),m("div",{key:2,class:M(`${t}-pagination-suffix`)},[S(()=>H({page:n,pageSize:b,pageCount:l,startIndex:this.startIndex,endIndex:this.endIndex,itemCount:this.mergedItemCount}))],2)):S(()=>null)],6)}});const jn={...Le.props,onUnstableColumnResize:Function,pagination:{type:[Object,Boolean],default:!1},paginateSinglePage:{type:Boolean,default:!0},minHeight:[Number,String],maxHeight:[Number,String],columns:{type:Array,default:()=>[]},rowClassName:[String,Function],rowProps:Function,rowKey:Function,summary:[Function],data:{type:Array,default:()=>[]},loading:Boolean,bordered:{type:Boolean,default:void 0},bottomBordered:{type:Boolean,default:void 0},striped:Boolean,scrollX:[Number,String],defaultCheckedRowKeys:{type:Array,default:()=>[]},checkedRowKeys:Array,singleLine:{type:Boolean,default:!0},singleColumn:Boolean,size:String,remote:Boolean,defaultExpandedRowKeys:{type:Array,default:[]},defaultExpandAll:Boolean,expandedRowKeys:Array,stickyExpandedRows:Boolean,virtualScroll:Boolean,virtualScrollX:Boolean,virtualScrollHeader:Boolean,headerHeight:{type:Number,default:28},heightForRow:Function,minRowHeight:{type:Number,default:28},tableLayout:{type:String,default:"auto"},allowCheckingNotLoaded:Boolean,cascade:{type:Boolean,default:!0},childrenKey:{type:String,default:"children"},indent:{type:Number,default:16},flexHeight:Boolean,summaryPlacement:{type:String,default:"bottom"},paginationBehaviorOnFilter:{type:String,default:"current"},filterIconPopoverProps:Object,scrollbarProps:Object,renderCell:Function,renderExpandIcon:Function,spinProps:Object,getCsvCell:Function,getCsvHeader:Function,onLoad:Function,"onUpdate:page":[Function,Array],onUpdatePage:[Function,Array],"onUpdate:pageSize":[Function,Array],onUpdatePageSize:[Function,Array],"onUpdate:sorter":[Function,Array],onUpdateSorter:[Function,Array],"onUpdate:filters":[Function,Array],onUpdateFilters:[Function,Array],"onUpdate:checkedRowKeys":[Function,Array],onUpdateCheckedRowKeys:[Function,Array],"onUpdate:expandedRowKeys":[Function,Array],onUpdateExpandedRowKeys:[Function,Array],onScroll:Function,onPageChange:[Function,Array],onPageSizeChange:[Function,Array],onSorterChange:[Function,Array],onFiltersChange:[Function,Array],onCheckedRowKeysChange:[Function,Array]},lt=Mt("n-data-table");var qn=i("radio",`
 line-height: var(--n-label-line-height);
 outline: none;
 position: relative;
 user-select: none;
 -webkit-user-select: none;
 display: inline-flex;
 align-items: flex-start;
 flex-wrap: nowrap;
 font-size: var(--n-font-size);
 word-break: break-word;
`,[k("checked",[J("dot",`
 background-color: var(--n-color-active);
 `)]),J("dot-wrapper",`
 position: relative;
 flex-shrink: 0;
 flex-grow: 0;
 width: var(--n-radio-size);
 `),i("radio-input",`
 position: absolute;
 border: 0;
 width: 0;
 height: 0;
 opacity: 0;
 margin: 0;
 `),J("dot",`
 position: absolute;
 top: 50%;
 left: 0;
 transform: translateY(-50%);
 height: var(--n-radio-size);
 width: var(--n-radio-size);
 background: var(--n-color);
 box-shadow: var(--n-box-shadow);
 border-radius: 50%;
 transition:
 background-color .3s var(--n-bezier),
 box-shadow .3s var(--n-bezier);
 `,[L("&::before",`
 content: "";
 opacity: 0;
 position: absolute;
 left: 4px;
 top: 4px;
 height: calc(100% - 8px);
 width: calc(100% - 8px);
 border-radius: 50%;
 transform: scale(.8);
 background: var(--n-dot-color-active);
 transition: 
 opacity .3s var(--n-bezier),
 background-color .3s var(--n-bezier),
 transform .3s var(--n-bezier);
 `),k("checked",{boxShadow:"var(--n-box-shadow-active)"},[L("&::before",`
 opacity: 1;
 transform: scale(1);
 `)])]),J("label",`
 color: var(--n-text-color);
 padding: var(--n-label-padding);
 font-weight: var(--n-label-font-weight);
 display: inline-block;
 transition: color .3s var(--n-bezier);
 `),yt("disabled",`
 cursor: pointer;
 `,[L("&:hover",[J("dot",{boxShadow:"var(--n-box-shadow-hover)"})]),k("focus",[L("&:not(:active)",[J("dot",{boxShadow:"var(--n-box-shadow-focus)"})])])]),k("disabled",`
 cursor: not-allowed;
 `,[J("dot",{boxShadow:"var(--n-box-shadow-disabled)",backgroundColor:"var(--n-color-disabled)"},[L("&::before",{backgroundColor:"var(--n-dot-color-disabled)"}),k("checked",`
 opacity: 1;
 `)]),J("label",{color:"var(--n-text-color-disabled)"}),i("radio-input",`
 cursor: not-allowed;
 `)])]);const Xn={name:String,value:{type:[String,Number,Boolean],default:"on"},checked:{type:Boolean,default:void 0},defaultChecked:Boolean,disabled:{type:Boolean,default:void 0},label:String,size:String,onUpdateChecked:[Function,Array],"onUpdate:checked":[Function,Array],checkedValue:{type:Boolean,default:void 0}},Sa=Mt("n-radio-group");function Gn(e){const t=Ne(Sa,null),{mergedClsPrefixRef:r,mergedComponentPropsRef:a}=Je(e),n=Vt(e,{mergedSize(N){const{size:_}=e;if(_!==void 0)return _;if(t){const{mergedSizeRef:{value:z}}=t;if(z!==void 0)return z}if(N)return N.mergedSize.value;const y=a?.value?.Radio?.size;return y||"medium"},mergedDisabled(N){return!!(e.disabled||t?.disabledRef.value||N?.disabled.value)}}),{mergedSizeRef:l,mergedDisabledRef:d}=n,f=W(null),h=W(null),c=W(e.defaultChecked),g=de(e,"checked"),x=ut(g,c),C=vt(()=>t?t.valueRef.value===e.value:x.value),b=vt(()=>{const{name:N}=e;if(N!==void 0)return N;if(t)return t.nameRef.value}),s=W(!1);function p(){if(t){const{doUpdateValue:N}=t,{value:_}=e;Y(N,_)}else{const{onUpdateChecked:N,"onUpdate:checked":_}=e,{nTriggerFormInput:y,nTriggerFormChange:z}=n;N&&Y(N,!0),_&&Y(_,!0),y(),z(),c.value=!0}}function u(){d.value||C.value||p()}function R(){u(),f.value&&(f.value.checked=C.value)}function T(){s.value=!1}function E(){s.value=!0}return{mergedClsPrefix:t?t.mergedClsPrefixRef:r,inputRef:f,labelRef:h,mergedName:b,mergedDisabled:d,renderSafeChecked:C,focus:s,mergedSize:l,handleRadioInputChange:R,handleRadioInputBlur:T,handleRadioInputFocus:E}}const Zn=["value","name","checked","disabled","onChange","onFocus","onBlur"],Jn={...Le.props,...Xn};var mr=le({name:"Radio",props:Jn,setup(e){const t=Gn(e),r=Le("Radio","-radio",qn,ca,e,t.mergedClsPrefix),a=w(()=>{const{mergedSize:{value:c}}=t,{common:{cubicBezierEaseInOut:g},self:{boxShadow:x,boxShadowActive:C,boxShadowDisabled:b,boxShadowFocus:s,boxShadowHover:p,color:u,colorDisabled:R,colorActive:T,textColor:E,textColorDisabled:N,dotColorActive:_,dotColorDisabled:y,labelPadding:z,labelLineHeight:X,labelFontWeight:q,[ye("fontSize",c)]:ae,[ye("radioSize",c)]:ne}}=r.value;return{"--n-bezier":g,"--n-label-line-height":X,"--n-label-font-weight":q,"--n-box-shadow":x,"--n-box-shadow-active":C,"--n-box-shadow-disabled":b,"--n-box-shadow-focus":s,"--n-box-shadow-hover":p,"--n-color":u,"--n-color-active":T,"--n-color-disabled":R,"--n-dot-color-active":_,"--n-dot-color-disabled":y,"--n-font-size":ae,"--n-radio-size":ne,"--n-text-color":E,"--n-text-color-disabled":N,"--n-label-padding":z}}),{inlineThemeDisabled:n,mergedClsPrefixRef:l,mergedRtlRef:d}=Je(e),f=xt("Radio",d,l),h=n?Ct("radio",w(()=>t.mergedSize.value[0]),a,e):void 0;return Object.assign(t,{rtlEnabled:f,cssVars:n?void 0:a,themeClass:h?.themeClass,onRender:h?.onRender})},render(){const{$slots:e,mergedClsPrefix:t,onRender:r,label:a}=this;return r?.(),(()=>{const n=Ke("f8c6901d8cd45c02");return o(),m("label",{class:M([`${t}-radio`,this.themeClass,this.rtlEnabled&&`${t}-radio--rtl`,this.mergedDisabled&&`${t}-radio--disabled`,this.renderSafeChecked&&`${t}-radio--checked`,this.focus&&`${t}-radio--focus`]),style:Re(this.cssVars)},[U("div",{class:M(`${t}-radio__dot-wrapper`)},[n[0]||(n[0]=S(" ",-1)),U("div",{class:M([`${t}-radio__dot`,this.renderSafeChecked&&`${t}-radio__dot--checked`])},null,2),U("input",{ref:"inputRef",type:"radio",class:M(`${t}-radio-input`),value:this.value,name:this.mergedName,checked:this.renderSafeChecked,disabled:this.mergedDisabled,onChange:this.handleRadioInputChange,onFocus:this.handleRadioInputFocus,onBlur:this.handleRadioInputBlur},null,42,Zn)],2),S(()=>gt(e.default,l=>!l&&!a?null:(o(),m("div",{ref:"labelRef",class:M(`${t}-radio__label`)},[S(()=>l||a)],2))))],6)})()}});function Yn(e,t="default",r=[]){const a=e.$slots[t];return a===void 0?r:a()}var Qn=i("radio-group",`
 display: inline-block;
 font-size: var(--n-font-size);
`,[J("splitor",`
 display: inline-block;
 vertical-align: bottom;
 width: 1px;
 transition:
 background-color .3s var(--n-bezier),
 opacity .3s var(--n-bezier);
 background: var(--n-button-border-color);
 `,[k("checked",{backgroundColor:"var(--n-button-border-color-active)"}),k("disabled",{opacity:"var(--n-opacity-disabled)"})]),k("button-group",`
 white-space: nowrap;
 height: var(--n-height);
 line-height: var(--n-height);
 `,[i("radio-button",{height:"var(--n-height)",lineHeight:"var(--n-height)"}),J("splitor",{height:"var(--n-height)"})]),i("radio-button",`
 vertical-align: bottom;
 outline: none;
 position: relative;
 user-select: none;
 -webkit-user-select: none;
 display: inline-block;
 box-sizing: border-box;
 padding-left: 14px;
 padding-right: 14px;
 white-space: nowrap;
 transition:
 background-color .3s var(--n-bezier),
 opacity .3s var(--n-bezier),
 border-color .3s var(--n-bezier),
 color .3s var(--n-bezier);
 background: var(--n-button-color);
 color: var(--n-button-text-color);
 border-top: 1px solid var(--n-button-border-color);
 border-bottom: 1px solid var(--n-button-border-color);
 `,[i("radio-input",`
 pointer-events: none;
 position: absolute;
 border: 0;
 border-radius: inherit;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 opacity: 0;
 z-index: 1;
 `),J("state-border",`
 z-index: 1;
 pointer-events: none;
 position: absolute;
 box-shadow: var(--n-button-box-shadow);
 transition: box-shadow .3s var(--n-bezier);
 left: -1px;
 bottom: -1px;
 right: -1px;
 top: -1px;
 `),L("&:first-child",`
 border-top-left-radius: var(--n-button-border-radius);
 border-bottom-left-radius: var(--n-button-border-radius);
 border-left: 1px solid var(--n-button-border-color);
 `,[J("state-border",`
 border-top-left-radius: var(--n-button-border-radius);
 border-bottom-left-radius: var(--n-button-border-radius);
 `)]),L("&:last-child",`
 border-top-right-radius: var(--n-button-border-radius);
 border-bottom-right-radius: var(--n-button-border-radius);
 border-right: 1px solid var(--n-button-border-color);
 `,[J("state-border",`
 border-top-right-radius: var(--n-button-border-radius);
 border-bottom-right-radius: var(--n-button-border-radius);
 `)]),yt("disabled",`
 cursor: pointer;
 `,[L("&:hover",[J("state-border",`
 transition: box-shadow .3s var(--n-bezier);
 box-shadow: var(--n-button-box-shadow-hover);
 `),yt("checked",{color:"var(--n-button-text-color-hover)"})]),k("focus",[L("&:not(:active)",[J("state-border",{boxShadow:"var(--n-button-box-shadow-focus)"})])])]),k("checked",`
 background: var(--n-button-color-active);
 color: var(--n-button-text-color-active);
 border-color: var(--n-button-border-color-active);
 `),k("disabled",`
 cursor: not-allowed;
 opacity: var(--n-opacity-disabled);
 `)])]);const el=["onFocusin","onFocusout"];function tl(e,t,r){const a=[];let n=!1;for(let l=0;l<e.length;++l){const d=e[l],f=d.type?.name;f==="RadioButton"&&(n=!0);const h=d.props;if(f!=="RadioButton"){a.push(d);continue}if(l===0)a.push(d);else{const c=a[a.length-1].props,g=t===c.value,x=c.disabled,C=t===h.value,b=h.disabled,s=(g?2:0)+(x?0:1),p=(C?2:0)+(b?0:1),u={[`${r}-radio-group__splitor--disabled`]:x,[`${r}-radio-group__splitor--checked`]:g},R={[`${r}-radio-group__splitor--disabled`]:b,[`${r}-radio-group__splitor--checked`]:C},T=s<p?R:u;a.push((o(),m("div",{key:1,class:M([`${r}-radio-group__splitor`,T])},null,2)),d)}}return{children:a,isButtonGroup:n}}const rl={...Le.props,name:String,options:Array,labelField:{type:String,default:"label"},valueField:{type:String,default:"value"},value:[String,Number,Boolean],defaultValue:{type:[String,Number,Boolean],default:null},size:String,disabled:{type:Boolean,default:void 0},"onUpdate:value":[Function,Array],onUpdateValue:[Function,Array]};var al=le({name:"RadioGroup",props:rl,setup(e){const t=W(null),{mergedSizeRef:r,mergedDisabledRef:a,nTriggerFormChange:n,nTriggerFormInput:l,nTriggerFormBlur:d,nTriggerFormFocus:f}=Vt(e),{mergedClsPrefixRef:h,inlineThemeDisabled:c,mergedRtlRef:g}=Je(e),x=Le("Radio","-radio-group",Qn,ca,e,h),C=W(e.defaultValue),b=de(e,"value"),s=ut(b,C);function p(_){const{onUpdateValue:y,"onUpdate:value":z}=e;y&&Y(y,_),z&&Y(z,_),C.value=_,n(),l()}function u(_){const{value:y}=t;y&&(y.contains(_.relatedTarget)||f())}function R(_){const{value:y}=t;y&&(y.contains(_.relatedTarget)||d())}At(Sa,{mergedClsPrefixRef:h,nameRef:de(e,"name"),valueRef:s,disabledRef:a,mergedSizeRef:r,doUpdateValue:p});const T=xt("Radio",g,h),E=w(()=>{const{value:_}=r,{common:{cubicBezierEaseInOut:y},self:{buttonBorderColor:z,buttonBorderColorActive:X,buttonBorderRadius:q,buttonBoxShadow:ae,buttonBoxShadowFocus:ne,buttonBoxShadowHover:A,buttonColor:oe,buttonColorActive:D,buttonTextColor:H,buttonTextColorActive:G,buttonTextColorHover:Z,opacityDisabled:j,[ye("buttonHeight",_)]:ue,[ye("fontSize",_)]:pe}}=x.value;return{"--n-font-size":pe,"--n-bezier":y,"--n-button-border-color":z,"--n-button-border-color-active":X,"--n-button-border-radius":q,"--n-button-box-shadow":ae,"--n-button-box-shadow-focus":ne,"--n-button-box-shadow-hover":A,"--n-button-color":oe,"--n-button-color-active":D,"--n-button-text-color":H,"--n-button-text-color-hover":Z,"--n-button-text-color-active":G,"--n-height":ue,"--n-opacity-disabled":j}}),N=c?Ct("radio-group",w(()=>r.value[0]),E,e):void 0;return{selfElRef:t,rtlEnabled:T,mergedClsPrefix:h,mergedValue:s,handleFocusout:R,handleFocusin:u,cssVars:c?void 0:E,themeClass:N?.themeClass,onRender:N?.onRender}},render(){const{mergedValue:e,mergedClsPrefix:t,handleFocusin:r,handleFocusout:a}=this,{options:n,labelField:l,valueField:d}=this.$props,{children:f,isButtonGroup:h}=tl(n?n.map(c=>{const g=c[d];return o(),$(mr,{key:typeof g=="boolean"?`__n_${g}`:g,value:g,disabled:c.disabled,label:c[l]},null,8,["value","disabled","label"])}):Dt(Yn(this)),e,t);return this.onRender?.(),o(),m("div",{onFocusin:r,onFocusout:a,ref:"selfElRef",class:M([`${t}-radio-group`,this.rtlEnabled&&`${t}-radio-group--rtl`,this.themeClass,h&&`${t}-radio-group--button-group`]),style:Re(this.cssVars)},[S(()=>f)],46,el)}}),za=i("ellipsis",{overflow:"hidden"},[yt("line-clamp",`
 white-space: nowrap;
 display: inline-block;
 vertical-align: bottom;
 max-width: 100%;
 `),k("line-clamp",`
 display: -webkit-inline-box;
 -webkit-box-orient: vertical;
 `),k("cursor-pointer",`
 cursor: pointer;
 `)]);const ol=["onClick"];function ur(e){return`${e}-ellipsis--line-clamp`}function fr(e,t){return`${e}-ellipsis--cursor-${t}`}const Pa={...Le.props,expandTrigger:String,lineClamp:[Number,String],tooltip:{type:[Boolean,Object],default:!0}};var gr=le({name:"Ellipsis",inheritAttrs:!1,props:Pa,slots:Object,setup(e,{slots:t,attrs:r}){const a=ua(),n=Le("Ellipsis","-ellipsis",za,xo,e,a),l=W(null),d=W(null),f=W(null),h=W(!1),c=w(()=>{const{lineClamp:u}=e,{value:R}=h;return u!==void 0?{textOverflow:"","-webkit-line-clamp":R?"":u}:{textOverflow:R?"":"ellipsis","-webkit-line-clamp":""}});function g(){let u=!1;const{value:R}=h;if(R)return!0;const{value:T}=l;if(T){const{lineClamp:E}=e;if(b(T),E!==void 0)u=T.scrollHeight<=T.offsetHeight;else{const{value:N}=d;N&&(u=N.getBoundingClientRect().width<=T.getBoundingClientRect().width)}s(T,u)}return u}function x(){if(e.expandTrigger!=="click")return;const{value:u}=h;u&&f.value?.setShow(!1),h.value=!u}Co(()=>{e.tooltip&&f.value?.setShow(!1)});const C=()=>(()=>{const u=Ke("c61f52eafd841df5");return o(),m("span",Te(Te(r,{class:[`${a.value}-ellipsis`,e.lineClamp!==void 0?ur(a.value):void 0,e.expandTrigger==="click"?fr(a.value,"pointer"):void 0],style:c.value}),{ref:"triggerRef",onClick:x,onMouseenter:u[0]||(u[0]=e.expandTrigger==="click"?g:void 0)}),[e.lineClamp?(o(),m(ce,{key:0},[S(()=>t.default?.())],64)):(o(),m("span",{key:1,ref:"triggerInnerRef"},[S(()=>t.default?.())],512))],16,ol)})();function b(u){if(!u)return;const R=c.value,T=ur(a.value);e.lineClamp!==void 0?p(u,T,"add"):p(u,T,"remove");for(const E in R)u.style[E]!==R[E]&&(u.style[E]=R[E])}function s(u,R){const T=fr(a.value,"pointer");e.expandTrigger==="click"&&!R?p(u,T,"add"):p(u,T,"remove")}function p(u,R,T){T==="add"?u.classList.contains(R)||u.classList.add(R):u.classList.contains(R)&&u.classList.remove(R)}return{mergedTheme:n,triggerRef:l,triggerInnerRef:d,tooltipRef:f,renderTrigger:C,getTooltipDisabled:g}},render(){const{tooltip:e,renderTrigger:t,$slots:r}=this;if(e){const{mergedTheme:a}=this;return o(),$(Xo,Te({key:1,ref:"tooltipRef",placement:"top"},e,{getDisabled:this.getTooltipDisabled,theme:a.peers.Tooltip,themeOverrides:a.peerOverrides.Tooltip}),{trigger:t,default:r.tooltip??r.default},1040,["getDisabled","theme","themeOverrides"])}else return t()}});const nl=le({name:"PerformantEllipsis",props:Pa,inheritAttrs:!1,setup(e,{attrs:t,slots:r}){const a=W(!1),n=ua();return oa("-ellipsis",za,n),{mouseEntered:a,renderTrigger:()=>{const{lineClamp:d}=e,f=n.value;return(()=>{const h=Ke("dba02f32d69b23e6");return o(),m("span",Te(Te(t,{class:[`${f}-ellipsis`,d!==void 0?ur(f):void 0,e.expandTrigger==="click"?fr(f,"pointer"):void 0],style:d===void 0?{textOverflow:"ellipsis"}:{"-webkit-line-clamp":d}}),{onMouseenter:h[0]||(h[0]=()=>{a.value=!0})}),[d?(o(),m(ce,{key:0},[S(()=>r.default?.())],64)):(o(),m("span",{key:1},[S(()=>r.default?.())]))],16)})()}}},render(){return this.mouseEntered?aa(gr,Te({},this.$attrs,this.$props),this.$slots):this.renderTrigger()}});function Kr(e){if(e.type==="selection")return e.width===void 0?40:tr(e.width);if(e.type==="expand")return e.width===void 0?40:tr(e.width);if(!("children"in e))return typeof e.width=="string"?tr(e.width):e.width}function ll(e){if(e.type==="selection")return at(e.width??40);if(e.type==="expand")return at(e.width??40);if(!("children"in e))return at(e.width)}function nt(e){return e.type==="selection"?"__n_selection__":e.type==="expand"?"__n_expand__":e.key}function Vr(e){return e&&(typeof e=="object"?Object.assign({},e):e)}function il(e){return e==="ascend"?1:e==="descend"?-1:0}function sl(e,t,r){return r!==void 0&&(e=Math.min(e,typeof r=="number"?r:Number.parseFloat(r))),t!==void 0&&(e=Math.max(e,typeof t=="number"?t:Number.parseFloat(t))),e}function dl(e,t){if(t!==void 0)return{width:t,minWidth:t,maxWidth:t};const r=ll(e),{minWidth:a,maxWidth:n}=e;return{width:r,minWidth:at(a)||r,maxWidth:at(n)}}function cl(e,t,r){return typeof r=="function"?r(e,t):r||""}function or(e){return e.filterOptionValues!==void 0||e.filterOptionValue===void 0&&e.defaultFilterOptionValues!==void 0}function nr(e){return"children"in e?!1:!!e.sorter}function _a(e){return"children"in e&&e.children.length?!1:!!e.resizable}function Wr(e){return"children"in e?!1:!!e.filter&&(!!e.filterOptions||!!e.renderFilterMenu)}function jr(e){if(e){if(e==="descend")return"ascend"}else return"descend";return!1}function ul(e,t){if(e.sorter===void 0)return null;const{customNextSortOrder:r}=e;return t===null||t.columnKey!==e.key?{columnKey:e.key,sorter:e.sorter,order:jr(!1)}:{...t,order:(r||jr)(t.order)}}function Fa(e,t){return t.find(r=>r.columnKey===e.key&&r.order)!==void 0}function fl(e){return typeof e=="string"?e.replace(/,/g,"\\,"):e==null?"":`${e}`.replace(/,/g,"\\,")}function hl(e,t,r,a){const n=e.filter(l=>l.type!=="expand"&&l.type!=="selection"&&l.allowExport!==!1);return[n.map(l=>a?a(l):l.title).join(","),...t.map(l=>n.map(d=>r?r(l[d.key],l,d):fl(l[d.key])).join(","))].join(`
`)}var bl=le({name:"Filter",render(){return(()=>{const e=Ke("32f755e984c27f19");return e[0]||(e[0]=U("svg",{viewBox:"0 0 28 28",version:"1.1",xmlns:"http://www.w3.org/2000/svg"},[U("g",{stroke:"none","stroke-width":"1","fill-rule":"evenodd"},[U("g",{"fill-rule":"nonzero"},[U("path",{d:"M17,19 C17.5522847,19 18,19.4477153 18,20 C18,20.5522847 17.5522847,21 17,21 L11,21 C10.4477153,21 10,20.5522847 10,20 C10,19.4477153 10.4477153,19 11,19 L17,19 Z M21,13 C21.5522847,13 22,13.4477153 22,14 C22,14.5522847 21.5522847,15 21,15 L7,15 C6.44771525,15 6,14.5522847 6,14 C6,13.4477153 6.44771525,13 7,13 L21,13 Z M24,7 C24.5522847,7 25,7.44771525 25,8 C25,8.55228475 24.5522847,9 24,9 L4,9 C3.44771525,9 3,8.55228475 3,8 C3,7.44771525 3.44771525,7 4,7 L24,7 Z"})])])],-1))})()}}),pl=le({name:"DataTableFilterMenu",props:{column:{type:Object,required:!0},radioGroupName:{type:String,required:!0},multiple:{type:Boolean,required:!0},value:{type:[Array,String,Number],default:null},options:{type:Array,required:!0},onConfirm:{type:Function,required:!0},onClear:{type:Function,required:!0},onChange:{type:Function,required:!0}},setup(e){const{mergedClsPrefixRef:t,mergedRtlRef:r}=Je(e),a=xt("DataTable",r,t),{mergedClsPrefixRef:n,mergedThemeRef:l,localeRef:d}=Ne(lt),f=W(e.value),h=w(()=>{const{value:s}=f;return Array.isArray(s)?s:null}),c=w(()=>{const{value:s}=f;return or(e.column)?Array.isArray(s)&&s.length&&s[0]||null:Array.isArray(s)?null:s});function g(s){e.onChange(s)}function x(s){e.multiple&&Array.isArray(s)?f.value=s:or(e.column)&&!Array.isArray(s)?f.value=[s]:f.value=s}function C(){g(f.value),e.onConfirm()}function b(){e.multiple||or(e.column)?g([]):g(null),e.onClear()}return{mergedClsPrefix:n,rtlEnabled:a,mergedTheme:l,locale:d,checkboxGroupValue:h,radioGroupValue:c,handleChange:x,handleConfirmClick:C,handleClearClick:b}},render(){const{mergedTheme:e,locale:t,mergedClsPrefix:r}=this;return o(),m("div",{class:M([`${r}-data-table-filter-menu`,this.rtlEnabled&&`${r}-data-table-filter-menu--rtl`])},[be(fa,null,{default:()=>{const{checkboxGroupValue:a,handleChange:n}=this;return this.multiple?(o(),$(Mn,{key:1,value:a,class:M(`${r}-data-table-filter-menu__group`),onUpdateValue:n},{default:()=>this.options.map(l=>(o(),$(Xt,{key:l.value,theme:e.peers.Checkbox,themeOverrides:e.peerOverrides.Checkbox,value:l.value},{default:()=>l.label},1032,["theme","themeOverrides","value"])))},1032,["value","class","onUpdateValue"])):(o(),$(al,{key:2,name:this.radioGroupName,class:M(`${r}-data-table-filter-menu__group`),value:this.radioGroupValue,onUpdateValue:this.handleChange},{default:()=>this.options.map(l=>(o(),$(mr,{key:l.value,value:l.value,theme:e.peers.Radio,themeOverrides:e.peerOverrides.Radio},{default:()=>l.label},1032,["value","theme","themeOverrides"])))},1032,["name","class","value","onUpdateValue"]))}},1024),U("div",{class:M(`${r}-data-table-filter-menu__action`)},[(o(),$(Bt,{size:"tiny",theme:e.peers.Button,themeOverrides:e.peerOverrides.Button,onClick:this.handleClearClick},{default:()=>t.clear},1032,["theme","themeOverrides","onClick"])),(o(),$(Bt,{theme:e.peers.Button,themeOverrides:e.peerOverrides.Button,type:"primary",size:"tiny",onClick:this.handleConfirmClick},{default:()=>t.confirm},1032,["theme","themeOverrides","onClick"]))],2)],2)}}),vl=le({name:"DataTableRenderFilter",props:{render:{type:Function,required:!0},active:Boolean,show:Boolean},render(){const{render:e,active:t,show:r}=this;return e({active:t,show:r})}});function ml(e,t,r){const a=Object.assign({},e);return a[t]=r,a}var gl=le({name:"DataTableFilterButton",props:{column:{type:Object,required:!0},options:{type:Array,default:()=>[]}},setup(e){const{mergedComponentPropsRef:t}=Je(),{mergedThemeRef:r,mergedClsPrefixRef:a,mergedFilterStateRef:n,filterMenuCssVarsRef:l,paginationBehaviorOnFilterRef:d,doUpdatePage:f,doUpdateFilters:h,filterIconPopoverPropsRef:c}=Ne(lt),g=W(!1),x=n,C=w(()=>e.column.filterMultiple!==!1),b=w(()=>{const E=x.value[e.column.key];if(E===void 0){const{value:N}=C;return N?[]:null}return E}),s=w(()=>{const{value:E}=b;return Array.isArray(E)?E.length>0:E!==null}),p=w(()=>t?.value?.DataTable?.renderFilter||e.column.renderFilter);function u(E){const N=ml(x.value,e.column.key,E);h(N,e.column),d.value==="first"&&f(1)}function R(){g.value=!1}function T(){g.value=!1}return{mergedTheme:r,mergedClsPrefix:a,active:s,showPopover:g,mergedRenderFilter:p,filterIconPopoverProps:c,filterMultiple:C,mergedFilterValue:b,filterMenuCssVars:l,handleFilterChange:u,handleFilterMenuConfirm:T,handleFilterMenuCancel:R}},render(){const{mergedTheme:e,mergedClsPrefix:t,handleFilterMenuCancel:r,filterIconPopoverProps:a}=this;return o(),$(ga,Te({show:this.showPopover,onUpdateShow:n=>this.showPopover=n,trigger:"click",theme:e.peers.Popover,themeOverrides:e.peerOverrides.Popover,placement:"bottom"},a,{style:{padding:0}}),{trigger:()=>{const{mergedRenderFilter:n}=this;if(n)return o(),$(vl,{key:1,"data-data-table-filter":!0,render:n,active:this.active,show:this.showPopover},null,8,["render","active","show"]);const{renderFilterIcon:l}=this.column;return o(),m("div",{"data-data-table-filter":!0,class:M([`${t}-data-table-filter`,{[`${t}-data-table-filter--active`]:this.active,[`${t}-data-table-filter--show`]:this.showPopover}])},[l?(o(),m(ce,{key:0},[S(()=>l({active:this.active,show:this.showPopover}))],64)):(o(),$(tt,{key:1,clsPrefix:t},{default:()=>(o(),$(bl))},1032,["clsPrefix"]))],2)},default:()=>{const{renderFilterMenu:n}=this.column;return n?n({hide:r}):(o(),$(pl,{key:2,style:Re(this.filterMenuCssVars),radioGroupName:String(this.column.key),multiple:this.filterMultiple,value:this.mergedFilterValue,options:this.options,column:this.column,onChange:this.handleFilterChange,onClear:this.handleFilterMenuCancel,onConfirm:this.handleFilterMenuConfirm},null,8,["style","radioGroupName","multiple","value","options","column","onChange","onClear","onConfirm"]))}},1040,["show","onUpdateShow","theme","themeOverrides"])}});const yl=["onMousedown"];var xl=le({name:"ColumnResizeButton",props:{onResizeStart:Function,onResize:Function,onResizeEnd:Function},setup(e){const{mergedClsPrefixRef:t}=Ne(lt),r=W(!1);let a=0;function n(h){return h.clientX}function l(h){h.preventDefault();const c=r.value;a=n(h),r.value=!0,c||(cr("mousemove",window,d),cr("mouseup",window,f),e.onResizeStart?.())}function d(h){e.onResize?.(n(h)-a)}function f(){r.value=!1,e.onResizeEnd?.(),Lt("mousemove",window,d),Lt("mouseup",window,f)}return ko(()=>{Lt("mousemove",window,d),Lt("mouseup",window,f)}),{mergedClsPrefix:t,active:r,handleMousedown:l}},render(){const{mergedClsPrefix:e}=this;return o(),m("span",{"data-data-table-resizable":!0,class:M([`${e}-data-table-resize-button`,this.active&&`${e}-data-table-resize-button--active`]),onMousedown:this.handleMousedown},null,42,yl)}}),Cl=le({name:"ArrowDown",render(){return(()=>{const e=Ke("bd1a1948a64f963c");return e[0]||(e[0]=U("svg",{viewBox:"0 0 28 28",version:"1.1",xmlns:"http://www.w3.org/2000/svg"},[U("g",{stroke:"none","stroke-width":"1","fill-rule":"evenodd"},[U("g",{"fill-rule":"nonzero"},[U("path",{d:"M23.7916,15.2664 C24.0788,14.9679 24.0696,14.4931 23.7711,14.206 C23.4726,13.9188 22.9978,13.928 22.7106,14.2265 L14.7511,22.5007 L14.7511,3.74792 C14.7511,3.33371 14.4153,2.99792 14.0011,2.99792 C13.5869,2.99792 13.2511,3.33371 13.2511,3.74793 L13.2511,22.4998 L5.29259,14.2265 C5.00543,13.928 4.53064,13.9188 4.23213,14.206 C3.93361,14.4931 3.9244,14.9679 4.21157,15.2664 L13.2809,24.6944 C13.6743,25.1034 14.3289,25.1034 14.7223,24.6944 L23.7916,15.2664 Z"})])])],-1))})()}}),kl=le({name:"DataTableRenderSorter",props:{render:{type:Function,required:!0},order:{type:[String,Boolean],default:!1}},render(){const{render:e,order:t}=this;return e({order:t})}}),wl=le({name:"SortIcon",props:{column:{type:Object,required:!0}},setup(e){const{mergedComponentPropsRef:t}=Je(),{mergedSortStateRef:r,mergedClsPrefixRef:a}=Ne(lt),n=w(()=>r.value.find(d=>d.columnKey===e.column.key)),l=w(()=>n.value!==void 0);return{mergedClsPrefix:a,active:l,mergedSortOrder:w(()=>{const{value:d}=n;return d&&l.value?d.order:!1}),mergedRenderSorter:w(()=>t?.value?.DataTable?.renderSorter||e.column.renderSorter)}},render(){const{mergedRenderSorter:e,mergedSortOrder:t,mergedClsPrefix:r}=this,{renderSorterIcon:a}=this.column;return e?(o(),$(kl,{key:1,render:e,order:t},null,8,["render","order"])):(o(),m("span",{key:2,class:M([`${r}-data-table-sorter`,t==="ascend"&&`${r}-data-table-sorter--asc`,t==="descend"&&`${r}-data-table-sorter--desc`])},[a?(o(),m(ce,{key:0},[S(()=>a({order:t}))],64)):(o(),$(tt,{key:1,clsPrefix:r},{default:()=>(o(),$(Cl))},1032,["clsPrefix"]))],2))}});const $a="_n_all__",Ta="_n_none__";function Rl(e,t,r,a){return e?n=>{for(const l of e)switch(n){case $a:r(!0);return;case Ta:a(!0);return;default:if(typeof l=="object"&&l.key===n){l.onSelect(t.value);return}}}:()=>{}}function Sl(e,t){return e?e.map(r=>{switch(r){case"all":return{label:t.checkTableAll,key:$a};case"none":return{label:t.uncheckTableAll,key:Ta};default:return r}}):[]}var zl=le({name:"DataTableSelectionMenu",props:{clsPrefix:{type:String,required:!0}},setup(e){const{props:t,localeRef:r,checkOptionsRef:a,rawPaginatedDataRef:n,doCheckAll:l,doUncheckAll:d}=Ne(lt),f=w(()=>Rl(a.value,n,l,d)),h=w(()=>Sl(a.value,r.value));return()=>{const{clsPrefix:c}=e;return o(),$(tn,{theme:t.theme?.peers?.Dropdown,themeOverrides:t.themeOverrides?.peers?.Dropdown,options:h.value,onSelect:f.value},{default:()=>(o(),$(tt,{clsPrefix:c,class:M(`${c}-data-table-check-extra`)},{default:()=>(o(),$(Go))},1032,["clsPrefix","class"]))},1032,["theme","themeOverrides","options","onSelect"])}}});const Pl=["data-n-id"],_l=["colspan"],Fl={style:{position:"relative"}},$l=["data-n-id"],Tl=["onScroll"];function lr(e){return typeof e.title=="function"?e.title(e):e.title}const Bl=le({props:{clsPrefix:{type:String,required:!0},id:{type:String,required:!0},cols:{type:Array,required:!0},width:String},render(){const{clsPrefix:e,id:t,cols:r,width:a}=this;return o(),m("table",{style:Re({tableLayout:"fixed",width:a}),class:M(`${e}-data-table-table`)},[U("colgroup",null,[S(()=>r.map(n=>(o(),m("col",{key:n.key,style:Re(n.style)},null,4))))]),U("thead",{"data-n-id":t,class:M(`${e}-data-table-thead`)},[S(()=>this.$slots.default?.())],10,Pl)],6)}});var Ba=le({name:"DataTableHeader",props:{discrete:{type:Boolean,default:!0}},setup(){const{mergedClsPrefixRef:e,scrollXRef:t,fixedColumnLeftMapRef:r,fixedColumnRightMapRef:a,mergedCurrentPageRef:n,allRowsCheckedRef:l,someRowsCheckedRef:d,rowsRef:f,colsRef:h,mergedThemeRef:c,checkOptionsRef:g,mergedSortStateRef:x,componentId:C,mergedTableLayoutRef:b,headerCheckboxDisabledRef:s,virtualScrollHeaderRef:p,headerHeightRef:u,onUnstableColumnResize:R,doUpdateResizableWidth:T,handleTableHeaderScroll:E,deriveNextSorter:N,doUncheckAll:_,doCheckAll:y}=Ne(lt),z=W(),X=W({});function q(H){return X.value[H]?.getBoundingClientRect().width}function ae(){l.value?_():y()}function ne(H,G){if(Tt(H,"dataTableFilter")||Tt(H,"dataTableResizable")||!nr(G))return;const Z=x.value.find(ue=>ue.columnKey===G.key)||null,j=ul(G,Z);N(j)}const A=new Map;function oe(H){A.set(H.key,q(H.key))}function D(H,G){const Z=A.get(H.key);if(Z===void 0)return;const j=Z+G,ue=sl(j,H.minWidth,H.maxWidth);R(j,ue,H,q),T(H,ue)}return{cellElsRef:X,componentId:C,mergedSortState:x,mergedClsPrefix:e,scrollX:t,fixedColumnLeftMap:r,fixedColumnRightMap:a,currentPage:n,allRowsChecked:l,someRowsChecked:d,rows:f,cols:h,mergedTheme:c,checkOptions:g,mergedTableLayout:b,headerCheckboxDisabled:s,headerHeight:u,virtualScrollHeader:p,virtualListRef:z,handleCheckboxUpdateChecked:ae,handleColHeaderClick:ne,handleTableHeaderScroll:E,handleColumnResizeStart:oe,handleColumnResize:D}},render(){const{cellElsRef:e,mergedClsPrefix:t,fixedColumnLeftMap:r,fixedColumnRightMap:a,currentPage:n,allRowsChecked:l,someRowsChecked:d,rows:f,cols:h,mergedTheme:c,checkOptions:g,componentId:x,discrete:C,mergedTableLayout:b,headerCheckboxDisabled:s,mergedSortState:p,virtualScrollHeader:u,handleColHeaderClick:R,handleCheckboxUpdateChecked:T,handleColumnResizeStart:E,handleColumnResize:N}=this,_=(q,ae,ne)=>q.map(({column:A,colIndex:oe,colSpan:D,rowSpan:H,isLast:G})=>{const Z=nt(A),{ellipsis:j}=A,ue=()=>A.type==="selection"?A.multiple!==!1?(o(),m(ce,{key:1},[(o(),$(Xt,{key:n,privateInsideTable:!0,checked:l,indeterminate:d,disabled:s,onUpdateChecked:T},null,8,["checked","indeterminate","disabled","onUpdateChecked"])),g?(o(),$(zl,{key:0,clsPrefix:t},null,8,["clsPrefix"])):S(()=>null)],64)):null:(o(),m(ce,null,[U("div",{class:M(`${t}-data-table-th__title-wrapper`)},[U("div",{class:M(`${t}-data-table-th__title`)},[j===!0||j&&!j.tooltip?(o(),m("div",{key:0,class:M(`${t}-data-table-th__ellipsis`)},[S(()=>lr(A))],2)):(o(),m(ce,{key:1},[j&&typeof j=="object"?(o(),$(gr,Te({key:0},j,{theme:c.peers.Ellipsis,themeOverrides:c.peerOverrides.Ellipsis}),{default:()=>lr(A)},1040,["theme","themeOverrides"])):(o(),m(ce,{key:1},[S(()=>lr(A))],64))],64))],2),nr(A)?(o(),$(wl,{key:0,column:A},null,8,["column"])):S(()=>null)],2),Wr(A)?(o(),$(gl,{key:0,column:A,options:A.filterOptions},null,8,["column","options"])):S(()=>null),_a(A)?(o(),$(xl,{key:2,onResizeStart:()=>{E(A)},onResize:K=>{N(A,K)}},null,8,["onResizeStart","onResize"])):S(()=>null)],64)),pe=Z in r,we=Z in a,P=ae&&!A.fixed?"div":"th";return o(),$(P,{ref:K=>e[Z]=K,key:Z,style:Re([ae&&!A.fixed?{position:"absolute",left:rt(ae(oe)),top:0,bottom:0}:{left:rt(r[Z]?.start),right:rt(a[Z]?.start)},{width:rt(A.width),textAlign:A.titleAlign||A.align,height:ne}]),colspan:D,rowspan:H,"data-col-key":Z,class:M([`${t}-data-table-th`,(pe||we)&&`${t}-data-table-th--fixed-${pe?"left":"right"}`,{[`${t}-data-table-th--sorting`]:Fa(A,p),[`${t}-data-table-th--filterable`]:Wr(A),[`${t}-data-table-th--sortable`]:nr(A),[`${t}-data-table-th--selection`]:A.type==="selection",[`${t}-data-table-th--last`]:G},A.className]),onClick:A.type!=="selection"&&A.type!=="expand"&&!("children"in A)?K=>{R(K,A)}:void 0},{default:Ae(()=>[S(()=>ue())]),_:2},1032,["style","colspan","rowspan","data-col-key","class","onClick"])});if(u){const{headerHeight:q}=this;let ae=0,ne=0;return h.forEach(A=>{A.column.fixed==="left"?ae++:A.column.fixed==="right"&&ne++}),o(),$(xa,{key:2,ref:"virtualListRef",class:M(`${t}-data-table-base-table-header`),style:Re({height:rt(q)}),onScroll:this.handleTableHeaderScroll,columns:h,itemSize:q,showScrollbar:!1,items:[{}],itemResizable:!1,visibleItemsTag:Bl,visibleItemsProps:{clsPrefix:t,id:x,cols:h,width:at(this.scrollX)},renderItemWithCols:({startColIndex:A,endColIndex:oe,getLeft:D})=>{const H=h.map((Z,j)=>({column:Z.column,isLast:j===h.length-1,colIndex:Z.index,colSpan:1,rowSpan:1})).filter(({column:Z},j)=>!!(A<=j&&j<=oe||Z.fixed)),G=_(H,D,rt(q));return G.splice(ae,0,(o(),m("th",{colspan:h.length-ae-ne,style:{pointerEvents:"none",visibility:"hidden",height:0}},null,8,_l))),o(),m("tr",Fl,[S(()=>G)])}},{default:({renderedItemWithCols:A})=>A},1032,["class","style","onScroll","columns","itemSize","visibleItemsTag","visibleItemsProps","renderItemWithCols"])}const y=(o(),m("thead",{class:M(`${t}-data-table-thead`),"data-n-id":x},[S(()=>f.map(q=>(o(),m("tr",{class:M(`${t}-data-table-tr`)},[S(()=>_(q,null,void 0))],2))))],10,$l));if(!C)return y;const{handleTableHeaderScroll:z,scrollX:X}=this;return o(),m("div",{class:M(`${t}-data-table-base-table-header`),onScroll:z},[U("table",{class:M(`${t}-data-table-table`),style:Re({minWidth:at(X),tableLayout:b})},[U("colgroup",null,[S(()=>h.map(q=>(o(),m("col",{key:q.key,style:Re(q.style)},null,4))))]),S(()=>y)],6)],42,Tl)}}),Ml=le({name:"DataTableBodyCheckbox",props:{rowKey:{type:[String,Number],required:!0},disabled:{type:Boolean,required:!0},onUpdateChecked:{type:Function,required:!0}},setup(e){const{mergedCheckedRowKeySetRef:t,mergedInderminateRowKeySetRef:r}=Ne(lt);return()=>{const{rowKey:a}=e;return o(),$(Xt,{privateInsideTable:!0,disabled:e.disabled,indeterminate:r.value.has(a),checked:t.value.has(a),onUpdateChecked:e.onUpdateChecked},null,8,["disabled","indeterminate","checked","onUpdateChecked"])}}}),Al=le({name:"DataTableBodyRadio",props:{rowKey:{type:[String,Number],required:!0},disabled:{type:Boolean,required:!0},onUpdateChecked:{type:Function,required:!0}},setup(e){const{mergedCheckedRowKeySetRef:t,componentId:r}=Ne(lt);return()=>{const{rowKey:a}=e;return o(),$(mr,{name:r,disabled:e.disabled,checked:t.value.has(a),onUpdateChecked:e.onUpdateChecked},null,8,["name","disabled","checked","onUpdateChecked"])}}}),Ll=le({name:"DataTableCell",props:{clsPrefix:{type:String,required:!0},row:{type:Object,required:!0},index:{type:Number,required:!0},column:{type:Object,required:!0},isSummary:Boolean,mergedTheme:{type:Object,required:!0},renderCell:Function},render(){const{isSummary:e,column:t,row:r,renderCell:a}=this;let n;const{render:l,key:d,ellipsis:f}=t;if(l&&!e?n=l(r,this.index):e?n=r[d]?.value:n=a?a(Pr(r,d),r,t):Pr(r,d),f)if(typeof f=="object"){const{mergedTheme:h}=this;return t.ellipsisComponent==="performant-ellipsis"?(o(),$(nl,Te({key:1},f,{theme:h.peers.Ellipsis,themeOverrides:h.peerOverrides.Ellipsis}),{default:()=>n},1040,["theme","themeOverrides"])):(o(),$(gr,Te({key:2},f,{theme:h.peers.Ellipsis,themeOverrides:h.peerOverrides.Ellipsis}),{default:()=>n},1040,["theme","themeOverrides"]))}else return o(),m("span",{key:3,class:M(`${this.clsPrefix}-data-table-td__ellipsis`)},[S(()=>n)],2);return n}});const El=["onClick"];var qr=le({name:"DataTableExpandTrigger",props:{clsPrefix:{type:String,required:!0},expanded:Boolean,loading:Boolean,onClick:{type:Function,required:!0},renderExpandIcon:{type:Function},rowData:{type:Object,required:!0}},render(){const{clsPrefix:e}=this;return(()=>{const t=Ke("82f30e69bbec5134");return o(),m("div",{class:M([`${e}-data-table-expand-trigger`,this.expanded&&`${e}-data-table-expand-trigger--expanded`]),onClick:this.onClick,onMousedown:t[0]||(t[0]=r=>{r.preventDefault()})},[be(ia,null,{default:()=>this.loading?(o(),$(ha,{key:"loading",clsPrefix:this.clsPrefix,radius:85,strokeWidth:15,scale:.88},null,8,["clsPrefix"])):this.renderExpandIcon?this.renderExpandIcon({expanded:this.expanded,rowData:this.rowData}):(o(),$(tt,{clsPrefix:e,key:"base-icon"},{default:()=>(o(),$(Ca))},1032,["clsPrefix"]))},1024)],42,El)})()}});const Il=["onMouseenter","onMouseleave"],Ol=["data-n-id"],Ul=["colspan"],Nl=["colspan"],Dl=["onMouseenter"],Hl=["onMouseleave"];function Kl(e,t){const r=[];function a(n,l){n.forEach(d=>{d.children&&t.has(d.key)?(r.push({tmNode:d,striped:!1,key:d.key,index:l}),a(d.children,l)):r.push({key:d.key,tmNode:d,striped:!1,index:l})})}return e.forEach(n=>{r.push(n);const{children:l}=n.tmNode;l&&t.has(n.key)&&a(l,n.index)}),r}const Vl=le({props:{clsPrefix:{type:String,required:!0},id:{type:String,required:!0},cols:{type:Array,required:!0},onMouseenter:Function,onMouseleave:Function},render(){const{clsPrefix:e,id:t,cols:r,onMouseenter:a,onMouseleave:n}=this;return o(),m("table",{style:{tableLayout:"fixed"},class:M(`${e}-data-table-table`),onMouseenter:a,onMouseleave:n},[U("colgroup",null,[S(()=>r.map(l=>(o(),m("col",{key:l.key,style:Re(l.style)},null,4))))]),U("tbody",{"data-n-id":t,class:M(`${e}-data-table-tbody`)},[S(()=>this.$slots.default?.())],10,Ol)],42,Il)}});var Wl=le({name:"DataTableBody",props:{onResize:Function,showHeader:Boolean,flexHeight:Boolean,bodyStyle:Object},setup(e){const{slots:t,bodyWidthRef:r,mergedExpandedRowKeysRef:a,mergedClsPrefixRef:n,mergedThemeRef:l,scrollXRef:d,colsRef:f,paginatedDataRef:h,rawPaginatedDataRef:c,fixedColumnLeftMapRef:g,fixedColumnRightMapRef:x,mergedCurrentPageRef:C,rowClassNameRef:b,leftActiveFixedColKeyRef:s,leftActiveFixedChildrenColKeysRef:p,rightActiveFixedColKeyRef:u,rightActiveFixedChildrenColKeysRef:R,renderExpandRef:T,hoverKeyRef:E,summaryRef:N,mergedSortStateRef:_,virtualScrollRef:y,virtualScrollXRef:z,heightForRowRef:X,minRowHeightRef:q,componentId:ae,mergedTableLayoutRef:ne,childTriggerColIndexRef:A,indentRef:oe,rowPropsRef:D,stripedRef:H,loadingRef:G,onLoadRef:Z,loadingKeySetRef:j,expandableRef:ue,stickyExpandedRowsRef:pe,renderExpandIconRef:we,summaryPlacementRef:P,treeMateRef:K,scrollbarPropsRef:te,setHeaderScrollLeft:Q,doUpdateExpandedRowKeys:me,handleTableBodyScroll:Se,doCheck:ze,doUncheck:Pe,renderCell:I,xScrollableRef:fe,explicitlyScrollableRef:Fe}=Ne(lt),_e=Ne(ba,null),De=W(null),Xe=W(null),re=W(null),xe=w(()=>_e?.mergedComponentPropsRef.value?.DataTable?.renderEmpty),Ee=vt(()=>h.value.length===0),Be=vt(()=>y.value&&!Ee.value);let Ge="";const it=w(()=>new Set(a.value));function Ye(O){return K.value.getNode(O)?.rawNode}function Ie(O,ee,se){const he=Ye(O.key);if(!he){xr("data-table",`fail to get row data with key ${O.key}`);return}if(se){const Me=h.value.findIndex(We=>We.key===Ge);if(Me!==-1){const We=h.value.findIndex(je=>je.key===O.key),He=Math.min(Me,We),ke=Math.max(Me,We),$e=[];h.value.slice(He,ke+1).forEach(je=>{je.disabled||$e.push(je.key)}),ee?ze($e,!1,he):Pe($e,he),Ge=O.key;return}}ee?ze(O.key,!1,he):Pe(O.key,he),Ge=O.key}function Oe(O){const ee=Ye(O.key);if(!ee){xr("data-table",`fail to get row data with key ${O.key}`);return}ze(O.key,!0,ee)}function ft(){if(Be.value)return v();const{value:O}=De;return O?O.containerRef:null}function st(O,ee){if(j.value.has(O))return;const{value:se}=a,he=se.indexOf(O),Me=Array.from(se);~he?(Me.splice(he,1),me(Me)):ee&&!ee.isLeaf&&!ee.shallowLoaded?(j.value.add(O),Z.value?.(ee.rawNode).then(()=>{const{value:We}=a,He=Array.from(We);~He.indexOf(O)||He.push(O),me(He)}).finally(()=>{j.value.delete(O)})):(Me.push(O),me(Me))}function Ve(){E.value=null}function v(){const{value:O}=Xe;return O?.listElRef||null}function F(){const{value:O}=Xe;return O?.itemsElRef||null}function V(O){Se(O),De.value?.sync()}function ie(O){const{onResize:ee}=e;ee&&ee(O),De.value?.sync()}const ge={getScrollContainer:ft,scrollTo(O,ee){y.value?Xe.value?.scrollTo(O,ee):De.value?.scrollTo(O,ee)}},Ce=L([({props:O})=>{const ee=he=>he===null?null:L(`[data-n-id="${O.componentId}"] [data-col-key="${he}"]::after`,{boxShadow:"var(--n-box-shadow-after)"}),se=he=>he===null?null:L(`[data-n-id="${O.componentId}"] [data-col-key="${he}"]::before`,{boxShadow:"var(--n-box-shadow-before)"});return L([ee(O.leftActiveFixedColKey),se(O.rightActiveFixedColKey),O.leftActiveFixedChildrenColKeys.map(he=>ee(he)),O.rightActiveFixedChildrenColKeys.map(he=>se(he))])}]);let ve=!1;return Pt(()=>{const{value:O}=s,{value:ee}=p,{value:se}=u,{value:he}=R;if(!ve&&O===null&&se===null)return;const Me={leftActiveFixedColKey:O,leftActiveFixedChildrenColKeys:ee,rightActiveFixedColKey:se,rightActiveFixedChildrenColKeys:he,componentId:ae};Ce.mount({id:`n-${ae}`,force:!0,props:Me,anchorMetaName:wo,parent:_e?.styleMountTarget}),ve=!0}),Ro(()=>{Ce.unmount({id:`n-${ae}`,parent:_e?.styleMountTarget})}),{bodyWidth:r,summaryPlacement:P,dataTableSlots:t,componentId:ae,scrollbarInstRef:De,virtualListRef:Xe,emptyElRef:re,summary:N,mergedClsPrefix:n,mergedTheme:l,mergedRenderEmpty:xe,scrollX:d,cols:f,loading:G,shouldDisplayVirtualList:Be,empty:Ee,paginatedDataAndInfo:w(()=>{const{value:O}=H;let ee=!1;return{data:h.value.map(O?(se,he)=>(se.isLeaf||(ee=!0),{tmNode:se,key:se.key,striped:he%2===1,index:he}):(se,he)=>(se.isLeaf||(ee=!0),{tmNode:se,key:se.key,striped:!1,index:he})),hasChildren:ee}}),rawPaginatedData:c,fixedColumnLeftMap:g,fixedColumnRightMap:x,currentPage:C,rowClassName:b,renderExpand:T,mergedExpandedRowKeySet:it,hoverKey:E,mergedSortState:_,virtualScroll:y,virtualScrollX:z,heightForRow:X,minRowHeight:q,mergedTableLayout:ne,childTriggerColIndex:A,indent:oe,rowProps:D,loadingKeySet:j,expandable:ue,stickyExpandedRows:pe,renderExpandIcon:we,scrollbarProps:te,setHeaderScrollLeft:Q,handleVirtualListScroll:V,handleVirtualListResize:ie,handleMouseleaveTable:Ve,virtualListContainer:v,virtualListContent:F,handleTableBodyScroll:Se,handleCheckboxUpdateChecked:Ie,handleRadioUpdateChecked:Oe,handleUpdateExpanded:st,renderCell:I,explicitlyScrollable:Fe,xScrollable:fe,...ge}},render(){const{mergedTheme:e,scrollX:t,mergedClsPrefix:r,explicitlyScrollable:a,xScrollable:n,loadingKeySet:l,onResize:d,setHeaderScrollLeft:f,empty:h,shouldDisplayVirtualList:c}=this,g={minWidth:at(t)||"100%"};t&&(g.width="100%");const x=()=>(o(),m("div",{class:M([`${r}-data-table-empty`,this.loading&&`${r}-data-table-empty--hide`]),style:Re([this.bodyStyle,n?"position: sticky; left: 0; width: var(--n-scrollbar-current-width);":void 0]),ref:"emptyElRef"},[S(()=>pr(this.dataTableSlots.empty,()=>[this.mergedRenderEmpty?.()||(o(),$(Zo,{theme:this.mergedTheme.peers.Empty,themeOverrides:this.mergedTheme.peerOverrides.Empty},null,8,["theme","themeOverrides"]))]))],6));return o(),$(fa,Te(this.scrollbarProps,{ref:"scrollbarInstRef",scrollable:a||n,class:`${r}-data-table-base-table-body`,style:h?void 0:this.bodyStyle,theme:e.peers.Scrollbar,themeOverrides:e.peerOverrides.Scrollbar,contentStyle:g,container:c?this.virtualListContainer:void 0,content:c?this.virtualListContent:void 0,horizontalRailStyle:{zIndex:3},verticalRailStyle:{zIndex:3},internalExposeWidthCssVar:n&&h,xScrollable:n,onScroll:c?void 0:this.handleTableBodyScroll,internalOnUpdateScrollLeft:f,onResize:d}),{default:()=>{if(this.empty&&!this.showHeader&&(this.explicitlyScrollable||this.xScrollable))return x();const C={},b={},{cols:s,paginatedDataAndInfo:p,mergedTheme:u,fixedColumnLeftMap:R,fixedColumnRightMap:T,currentPage:E,rowClassName:N,mergedSortState:_,mergedExpandedRowKeySet:y,stickyExpandedRows:z,componentId:X,childTriggerColIndex:q,expandable:ae,rowProps:ne,handleMouseleaveTable:A,renderExpand:oe,summary:D,handleCheckboxUpdateChecked:H,handleRadioUpdateChecked:G,handleUpdateExpanded:Z,heightForRow:j,minRowHeight:ue,virtualScrollX:pe}=this,{length:we}=s;let P;const{data:K,hasChildren:te}=p,Q=te?Kl(K,y):K;if(D){const re=D(this.rawPaginatedData);if(Array.isArray(re)){const xe=re.map((Ee,Be)=>({isSummaryRow:!0,key:`__n_summary__${Be}`,tmNode:{rawNode:Ee,disabled:!0},index:-1}));P=this.summaryPlacement==="top"?[...xe,...Q]:[...Q,...xe]}else{const xe={isSummaryRow:!0,key:"__n_summary__",tmNode:{rawNode:re,disabled:!0},index:-1};P=this.summaryPlacement==="top"?[xe,...Q]:[...Q,xe]}}else P=Q;const me=te?{width:rt(this.indent)}:void 0,Se=[];P.forEach(re=>{oe&&y.has(re.key)&&(!ae||ae(re.tmNode.rawNode))?Se.push(re,{isExpandedRow:!0,key:`${re.key}-expand`,tmNode:re.tmNode,index:re.index}):Se.push(re)});const{length:ze}=Se,Pe={};K.forEach(({tmNode:re},xe)=>{Pe[xe]=re.key});const I=z?this.bodyWidth:null,fe=I===null?void 0:`${I}px`,Fe=this.virtualScrollX?"div":"td";let _e=0,De=0;pe&&s.forEach(re=>{re.column.fixed==="left"?_e++:re.column.fixed==="right"&&De++});const Xe=({rowInfo:re,displayedRowIndex:xe,isVirtual:Ee,isVirtualX:Be,startColIndex:Ge,endColIndex:it,getLeft:Ye})=>{const{index:Ie}=re;if("isExpandedRow"in re){const{tmNode:{key:O,rawNode:ee}}=re;return o(),m("tr",{class:M(`${r}-data-table-tr ${r}-data-table-tr--expanded`),key:`${O}__expand`},[U("td",{class:M([`${r}-data-table-td`,`${r}-data-table-td--last-col`,xe+1===ze&&`${r}-data-table-td--last-row`]),colspan:we},[z?(o(),m("div",{key:0,class:M(`${r}-data-table-expand`),style:Re({width:fe})},[S(()=>oe(ee,Ie))],6)):(o(),m(ce,{key:1},[S(()=>oe(ee,Ie))],64))],10,Ul)],2)}const Oe="isSummaryRow"in re,ft=!Oe&&re.striped,{tmNode:st,key:Ve}=re,{rawNode:v}=st,F=y.has(Ve),V=ne?ne(v,Ie):void 0,ie=typeof N=="string"?N:cl(v,Ie,N),ge=Be?s.filter((O,ee)=>!!(Ge<=ee&&ee<=it||O.column.fixed)):s,Ce=Be?rt(j?.(v,Ie)||ue):void 0,ve=ge.map(O=>{const ee=O.index;if(xe in C){const Ue=C[xe],qe=Ue.indexOf(ee);if(~qe)return Ue.splice(qe,1),null}const{column:se}=O,he=nt(O),{rowSpan:Me,colSpan:We}=se,He=Oe?re.tmNode.rawNode[he]?.colSpan||1:We?We(v,Ie):1,ke=Oe?re.tmNode.rawNode[he]?.rowSpan||1:Me?Me(v,Ie):1,$e=ee+He===we,je=xe+ke===ze,Qe=ke>1;if(Qe&&(b[xe]={[ee]:[]}),He>1||Qe)for(let Ue=xe;Ue<xe+ke;++Ue){Qe&&b[xe][ee].push(Pe[Ue]);for(let qe=ee;qe<ee+He;++qe)Ue===xe&&qe===ee||(Ue in C?C[Ue].push(qe):C[Ue]=[qe])}const dt=Qe?this.hoverKey:null,{cellProps:ht}=se,et=ht?.(v,Ie),ot={"--indent-offset":""},kt=se.fixed?"td":Fe;return o(),$(kt,Te(et,{key:he,style:[{textAlign:se.align||void 0,width:rt(se.width)},Be&&{height:Ce},Be&&!se.fixed?{position:"absolute",left:rt(Ye(ee)),top:0,bottom:0}:{left:rt(R[he]?.start),right:rt(T[he]?.start)},ot,et?.style||""],colspan:He,rowspan:Ee?void 0:ke,"data-col-key":he,class:[`${r}-data-table-td`,se.className,et?.class,Oe&&`${r}-data-table-td--summary`,dt!==null&&b[xe][ee].includes(dt)&&`${r}-data-table-td--hover`,Fa(se,_)&&`${r}-data-table-td--sorting`,se.fixed&&`${r}-data-table-td--fixed-${se.fixed}`,se.align&&`${r}-data-table-td--${se.align}-align`,se.type==="selection"&&`${r}-data-table-td--selection`,se.type==="expand"&&`${r}-data-table-td--expand`,$e&&`${r}-data-table-td--last-col`,je&&`${r}-data-table-td--last-row`]}),{default:Ae(()=>[te&&ee===q?(o(),m(ce,{key:0},[S(()=>[So(ot["--indent-offset"]=Oe?0:re.tmNode.level,(o(),m("div",{class:M(`${r}-data-table-indent`),style:Re(me)},null,6))),Oe||re.tmNode.isLeaf?(o(),m("div",{key:2,class:M(`${r}-data-table-expand-placeholder`)},null,2)):(o(),$(qr,{key:3,class:M(`${r}-data-table-expand-trigger`),clsPrefix:r,expanded:F,rowData:v,renderExpandIcon:this.renderExpandIcon,loading:l.has(re.key),onClick:()=>{Z(Ve,re.tmNode)}},null,8,["class","clsPrefix","expanded","rowData","renderExpandIcon","loading","onClick"]))])],64)):S(()=>null),se.type==="selection"?(o(),m(ce,{key:2},[Oe?S(()=>null):(o(),m(ce,{key:0},[se.multiple===!1?(o(),$(Al,{key:E,rowKey:Ve,disabled:re.tmNode.disabled,onUpdateChecked:()=>{G(re.tmNode)}},null,8,["rowKey","disabled","onUpdateChecked"])):(o(),$(Ml,{key:E,rowKey:Ve,disabled:re.tmNode.disabled,onUpdateChecked:(Ue,qe)=>{H(re.tmNode,Ue,qe.shiftKey)}},null,8,["rowKey","disabled","onUpdateChecked"]))],64))],64)):(o(),m(ce,{key:3},[se.type==="expand"?(o(),m(ce,{key:0},[Oe?S(()=>null):(o(),m(ce,{key:0},[!se.expandable||se.expandable?.(v)?(o(),$(qr,{key:0,clsPrefix:r,rowData:v,expanded:F,renderExpandIcon:this.renderExpandIcon,onClick:()=>{Z(Ve,null)}},null,8,["clsPrefix","rowData","expanded","renderExpandIcon","onClick"])):S(()=>null)],64))],64)):(o(),$(Ll,{key:1,clsPrefix:r,index:Ie,row:v,column:se,isSummary:Oe,mergedTheme:u,renderCell:this.renderCell},null,8,["clsPrefix","index","row","column","isSummary","mergedTheme","renderCell"]))],64))]),_:2},1040,["style","colspan","rowspan","data-col-key","class"])});return Be&&_e&&De&&ve.splice(_e,0,(o(),m("td",{key:4,colspan:s.length-_e-De,style:{pointerEvents:"none",visibility:"hidden",height:0}},null,8,Nl))),o(),m("tr",Te(V,{onMouseenter:O=>{this.hoverKey=Ve,V?.onMouseenter?.(O)},key:Ve,class:[`${r}-data-table-tr`,Oe&&`${r}-data-table-tr--summary`,ft&&`${r}-data-table-tr--striped`,F&&`${r}-data-table-tr--expanded`,ie,V?.class],style:[V?.style,Be&&{height:Ce}]}),[S(()=>ve)],16,Dl)};return this.shouldDisplayVirtualList?(o(),$(xa,{key:6,ref:"virtualListRef",items:Se,itemSize:this.minRowHeight,visibleItemsTag:Vl,visibleItemsProps:{clsPrefix:r,id:X,cols:s,onMouseleave:A},showScrollbar:!1,onResize:this.handleVirtualListResize,onScroll:this.handleVirtualListScroll,itemsStyle:g,itemResizable:!pe,columns:s,renderItemWithCols:pe?({itemIndex:re,item:xe,startColIndex:Ee,endColIndex:Be,getLeft:Ge})=>Xe({displayedRowIndex:re,isVirtual:!0,isVirtualX:!0,rowInfo:xe,startColIndex:Ee,endColIndex:Be,getLeft:Ge}):void 0},{default:({item:re,index:xe,renderedItemWithCols:Ee})=>Ee||Xe({rowInfo:re,displayedRowIndex:xe,isVirtual:!0,isVirtualX:!1,startColIndex:0,endColIndex:0,getLeft(Be){return 0}})},1032,["items","itemSize","visibleItemsTag","visibleItemsProps","onResize","onScroll","itemsStyle","itemResizable","columns","renderItemWithCols"])):(o(),m(ce,{key:5},[U("table",{class:M(`${r}-data-table-table`),onMouseleave:A,style:Re({tableLayout:this.mergedTableLayout})},[U("colgroup",null,[S(()=>s.map(re=>(o(),m("col",{key:re.key,style:Re(re.style)},null,4))))]),this.showHeader?(o(),$(Ba,{key:0,discrete:!1})):S(()=>null),this.empty?S(()=>null):(o(),m("tbody",{key:2,"data-n-id":X,class:M(`${r}-data-table-tbody`)},[S(()=>Se.map((re,xe)=>Xe({rowInfo:re,displayedRowIndex:xe,isVirtual:!1,isVirtualX:!1,startColIndex:-1,endColIndex:-1,getLeft(Ee){return-1}})))],10,["data-n-id"]))],46,Hl),this.empty?(o(),m(ce,{key:0},[S(()=>x())],64)):S(()=>null)],64))}},1040,["scrollable","class","style","theme","themeOverrides","contentStyle","container","content","internalExposeWidthCssVar","xScrollable","onScroll","internalOnUpdateScrollLeft","onResize"])}}),jl=le({name:"MainTable",setup(){const{mergedClsPrefixRef:e,rightFixedColumnsRef:t,leftFixedColumnsRef:r,bodyWidthRef:a,maxHeightRef:n,minHeightRef:l,flexHeightRef:d,virtualScrollHeaderRef:f,syncScrollState:h,scrollXRef:c}=Ne(lt),g=W(null),x=W(null),C=W(null),b=W(!(r.value.length||t.value.length)),s=w(()=>({maxHeight:at(n.value),minHeight:at(l.value)}));function p(E){a.value=E.contentRect.width,h("layout"),b.value||(b.value=!0)}function u(){const{value:E}=g;return E?f.value?E.virtualListRef?.listElRef||null:E.$el:null}function R(){const{value:E}=x;return E?E.getScrollContainer():null}const T={getBodyElement:R,getHeaderElement:u,scrollTo(E,N){x.value?.scrollTo(E,N)}};return Pt(()=>{const{value:E}=C;if(!E)return;const N=`${e.value}-data-table-base-table--transition-disabled`;b.value?setTimeout(()=>{E.classList.remove(N)},0):E.classList.add(N)}),{maxHeight:n,mergedClsPrefix:e,selfElRef:C,headerInstRef:g,bodyInstRef:x,bodyStyle:s,flexHeight:d,handleBodyResize:p,scrollX:c,...T}},render(){const{mergedClsPrefix:e,maxHeight:t,flexHeight:r}=this,a=t===void 0&&!r;return o(),m("div",{class:M(`${e}-data-table-base-table`),ref:"selfElRef"},[a?S(()=>null):(o(),$(Ba,{key:1,ref:"headerInstRef"},null,512)),(o(),$(Wl,{ref:"bodyInstRef",bodyStyle:this.bodyStyle,showHeader:a,flexHeight:r,onResize:this.handleBodyResize},null,8,["bodyStyle","showHeader","flexHeight","onResize"]))],2)}});const Xr=Xl();var ql=L([i("data-table",`
 width: 100%;
 font-size: var(--n-font-size);
 display: flex;
 flex-direction: column;
 position: relative;
 --n-merged-th-color: var(--n-th-color);
 --n-merged-td-color: var(--n-td-color);
 --n-merged-border-color: var(--n-border-color);
 --n-merged-th-color-hover: var(--n-th-color-hover);
 --n-merged-th-color-sorting: var(--n-th-color-sorting);
 --n-merged-td-color-hover: var(--n-td-color-hover);
 --n-merged-td-color-sorting: var(--n-td-color-sorting);
 --n-merged-td-color-striped: var(--n-td-color-striped);
 `,[i("data-table-wrapper",`
 flex-grow: 1;
 display: flex;
 flex-direction: column;
 `),k("empty",[i("data-table-base-table",`
 height: 100%;
 display: flex;
 flex-direction: column;
 `),i("data-table-base-table-body",["height: 100%;",i("scrollbar-content",`
 height: 100%;
 display: flex;
 flex-direction: column;
 `)])]),k("flex-height",[L(">",[i("data-table-wrapper",[L(">",[i("data-table-base-table",`
 display: flex;
 flex-direction: column;
 flex-grow: 1;
 `,[L(">",[i("data-table-base-table-body","flex-basis: 0;",[L("&:last-child","flex-grow: 1;")])])])])])])]),L(">",[i("data-table-loading-wrapper",`
 color: var(--n-loading-color);
 font-size: var(--n-loading-size);
 position: absolute;
 left: 50%;
 top: 50%;
 transform: translateX(-50%) translateY(-50%);
 transition: color .3s var(--n-bezier);
 display: flex;
 align-items: center;
 justify-content: center;
 `,[zo({originalTransform:"translateX(-50%) translateY(-50%)"})])]),i("data-table-expand-placeholder",`
 margin-right: 8px;
 display: inline-block;
 width: 16px;
 height: 1px;
 `),i("data-table-indent",`
 display: inline-block;
 height: 1px;
 `),i("data-table-expand-trigger",`
 display: inline-flex;
 margin-right: 8px;
 cursor: pointer;
 font-size: 16px;
 vertical-align: -0.2em;
 position: relative;
 width: 16px;
 height: 16px;
 color: var(--n-td-text-color);
 transition: color .3s var(--n-bezier);
 `,[k("expanded",[i("icon","transform: rotate(90deg);",[zt({originalTransform:"rotate(90deg)"})]),i("base-icon","transform: rotate(90deg);",[zt({originalTransform:"rotate(90deg)"})])]),i("base-loading",`
 color: var(--n-loading-color);
 transition: color .3s var(--n-bezier);
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 `,[zt()]),i("icon",`
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 `,[zt()]),i("base-icon",`
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 `,[zt()])]),i("data-table-thead",`
 transition: background-color .3s var(--n-bezier);
 background-color: var(--n-merged-th-color);
 `),i("data-table-tr",`
 position: relative;
 box-sizing: border-box;
 background-clip: padding-box;
 transition: background-color .3s var(--n-bezier);
 `,[i("data-table-expand",`
 position: sticky;
 left: 0;
 overflow: hidden;
 margin: calc(var(--n-th-padding) * -1);
 padding: var(--n-th-padding);
 box-sizing: border-box;
 `),k("striped","background-color: var(--n-merged-td-color-striped);",[i("data-table-td","background-color: var(--n-merged-td-color-striped);")]),yt("summary",[L("&:hover","background-color: var(--n-merged-td-color-hover);",[L(">",[i("data-table-td","background-color: var(--n-merged-td-color-hover);")])])])]),i("data-table-th",`
 padding: var(--n-th-padding);
 position: relative;
 text-align: start;
 box-sizing: border-box;
 background-color: var(--n-merged-th-color);
 border-color: var(--n-merged-border-color);
 border-bottom: 1px solid var(--n-merged-border-color);
 color: var(--n-th-text-color);
 transition:
 border-color .3s var(--n-bezier),
 color .3s var(--n-bezier),
 background-color .3s var(--n-bezier);
 font-weight: var(--n-th-font-weight);
 `,[k("filterable",`
 padding-right: 36px;
 `,[k("sortable",`
 padding-right: calc(var(--n-th-padding) + 36px);
 `)]),Xr,k("selection",`
 padding: 0;
 text-align: center;
 line-height: 0;
 z-index: 3;
 `),J("title-wrapper",`
 display: flex;
 align-items: center;
 flex-wrap: nowrap;
 max-width: 100%;
 `,[J("title",`
 flex: 1;
 min-width: 0;
 `)]),J("ellipsis",`
 display: inline-block;
 vertical-align: bottom;
 text-overflow: ellipsis;
 overflow: hidden;
 white-space: nowrap;
 max-width: 100%;
 `),k("hover",`
 background-color: var(--n-merged-th-color-hover);
 `),k("sorting",`
 background-color: var(--n-merged-th-color-sorting);
 `),k("sortable",`
 cursor: pointer;
 `,[J("ellipsis",`
 max-width: calc(100% - 18px);
 `),L("&:hover",`
 background-color: var(--n-merged-th-color-hover);
 `)]),i("data-table-sorter",`
 height: var(--n-sorter-size);
 width: var(--n-sorter-size);
 margin-left: 4px;
 position: relative;
 display: inline-flex;
 align-items: center;
 justify-content: center;
 vertical-align: -0.2em;
 color: var(--n-th-icon-color);
 transition: color .3s var(--n-bezier);
 `,[i("base-icon","transition: transform .3s var(--n-bezier)"),k("desc",[i("base-icon",`
 transform: rotate(0deg);
 `)]),k("asc",[i("base-icon",`
 transform: rotate(-180deg);
 `)]),k("asc, desc",`
 color: var(--n-th-icon-color-active);
 `)]),i("data-table-resize-button",`
 width: var(--n-resizable-container-size);
 position: absolute;
 top: 0;
 right: calc(var(--n-resizable-container-size) / 2);
 bottom: 0;
 cursor: col-resize;
 user-select: none;
 `,[L("&::after",`
 width: var(--n-resizable-size);
 height: 50%;
 position: absolute;
 top: 50%;
 left: calc(var(--n-resizable-container-size) / 2);
 bottom: 0;
 background-color: var(--n-merged-border-color);
 transform: translateY(-50%);
 transition: background-color .3s var(--n-bezier);
 z-index: 1;
 content: '';
 `),k("active",[L("&::after",` 
 background-color: var(--n-th-icon-color-active);
 `)]),L("&:hover::after",`
 background-color: var(--n-th-icon-color-active);
 `)]),i("data-table-filter",`
 position: absolute;
 z-index: auto;
 right: 0;
 width: 36px;
 top: 0;
 bottom: 0;
 cursor: pointer;
 display: flex;
 justify-content: center;
 align-items: center;
 transition:
 background-color .3s var(--n-bezier),
 color .3s var(--n-bezier);
 font-size: var(--n-filter-size);
 color: var(--n-th-icon-color);
 `,[L("&:hover",`
 background-color: var(--n-th-button-color-hover);
 `),k("show",`
 background-color: var(--n-th-button-color-hover);
 `),k("active",`
 background-color: var(--n-th-button-color-hover);
 color: var(--n-th-icon-color-active);
 `)])]),i("data-table-td",`
 padding: var(--n-td-padding);
 text-align: start;
 box-sizing: border-box;
 border: none;
 background-color: var(--n-merged-td-color);
 color: var(--n-td-text-color);
 border-bottom: 1px solid var(--n-merged-border-color);
 transition:
 box-shadow .3s var(--n-bezier),
 background-color .3s var(--n-bezier),
 border-color .3s var(--n-bezier),
 color .3s var(--n-bezier);
 `,[k("expand",[i("data-table-expand-trigger",`
 margin-right: 0;
 `)]),k("last-row",`
 border-bottom: 0 solid var(--n-merged-border-color);
 `,[L("&::after",`
 bottom: 0 !important;
 `),L("&::before",`
 bottom: 0 !important;
 `)]),k("summary",`
 background-color: var(--n-merged-th-color);
 `),k("hover",`
 background-color: var(--n-merged-td-color-hover);
 `),k("sorting",`
 background-color: var(--n-merged-td-color-sorting);
 `),J("ellipsis",`
 display: inline-block;
 text-overflow: ellipsis;
 overflow: hidden;
 white-space: nowrap;
 max-width: 100%;
 vertical-align: bottom;
 max-width: calc(100% - var(--indent-offset, -1.5) * 16px - 24px);
 `),k("selection, expand",`
 text-align: center;
 padding: 0;
 line-height: 0;
 `),Xr]),i("data-table-empty",`
 box-sizing: border-box;
 padding: var(--n-empty-padding);
 flex-grow: 1;
 flex-shrink: 0;
 opacity: 1;
 display: flex;
 align-items: center;
 justify-content: center;
 transition: opacity .3s var(--n-bezier);
 `,[k("hide",`
 opacity: 0;
 `)]),J("pagination",`
 margin: var(--n-pagination-margin);
 display: flex;
 justify-content: flex-end;
 `),i("data-table-wrapper",`
 position: relative;
 opacity: 1;
 transition: opacity .3s var(--n-bezier), border-color .3s var(--n-bezier);
 border-top-left-radius: var(--n-border-radius);
 border-top-right-radius: var(--n-border-radius);
 line-height: var(--n-line-height);
 `),k("loading",[i("data-table-wrapper",`
 opacity: var(--n-opacity-loading);
 pointer-events: none;
 `)]),k("single-column",[i("data-table-td",`
 border-bottom: 0 solid var(--n-merged-border-color);
 `,[L("&::after, &::before",`
 bottom: 0 !important;
 `)])]),yt("single-line",[i("data-table-th",`
 border-right: 1px solid var(--n-merged-border-color);
 `,[k("last",`
 border-right: 0 solid var(--n-merged-border-color);
 `)]),i("data-table-td",`
 border-right: 1px solid var(--n-merged-border-color);
 `,[k("last-col",`
 border-right: 0 solid var(--n-merged-border-color);
 `)])]),k("bordered",[i("data-table-wrapper",`
 border: 1px solid var(--n-merged-border-color);
 border-bottom-left-radius: var(--n-border-radius);
 border-bottom-right-radius: var(--n-border-radius);
 overflow: hidden;
 `)]),i("data-table-base-table",[k("transition-disabled",[i("data-table-th",[L("&::after, &::before","transition: none;")]),i("data-table-td",[L("&::after, &::before","transition: none;")])])]),k("bottom-bordered",[i("data-table-td",[k("last-row",`
 border-bottom: 1px solid var(--n-merged-border-color);
 `)])]),i("data-table-table",`
 font-variant-numeric: tabular-nums;
 width: 100%;
 word-break: break-word;
 transition: background-color .3s var(--n-bezier);
 border-collapse: separate;
 border-spacing: 0;
 background-color: var(--n-merged-td-color);
 `),i("data-table-base-table-header",`
 border-top-left-radius: calc(var(--n-border-radius) - 1px);
 border-top-right-radius: calc(var(--n-border-radius) - 1px);
 z-index: 3;
 overflow: scroll;
 flex-shrink: 0;
 transition: border-color .3s var(--n-bezier);
 scrollbar-width: none;
 `,[L("&::-webkit-scrollbar, &::-webkit-scrollbar-track-piece, &::-webkit-scrollbar-thumb",`
 display: none;
 width: 0;
 height: 0;
 `)]),i("data-table-check-extra",`
 transition: color .3s var(--n-bezier);
 color: var(--n-th-icon-color);
 position: absolute;
 font-size: 14px;
 right: -4px;
 top: 50%;
 transform: translateY(-50%);
 z-index: 1;
 `)]),i("data-table-filter-menu",[i("scrollbar",`
 max-height: 240px;
 `),J("group",`
 display: flex;
 flex-direction: column;
 padding: 12px 12px 0 12px;
 `,[i("checkbox",`
 margin-bottom: 12px;
 margin-right: 0;
 `),i("radio",`
 margin-bottom: 12px;
 margin-right: 0;
 `)]),J("action",`
 padding: var(--n-action-padding);
 display: flex;
 flex-wrap: nowrap;
 justify-content: space-evenly;
 border-top: 1px solid var(--n-action-divider-color);
 `,[i("button",[L("&:not(:last-child)",`
 margin: var(--n-action-button-margin);
 `),L("&:last-child",`
 margin-right: 0;
 `)])]),i("divider",`
 margin: 0 !important;
 `)]),na(i("data-table",`
 --n-merged-th-color: var(--n-th-color-modal);
 --n-merged-td-color: var(--n-td-color-modal);
 --n-merged-border-color: var(--n-border-color-modal);
 --n-merged-th-color-hover: var(--n-th-color-hover-modal);
 --n-merged-td-color-hover: var(--n-td-color-hover-modal);
 --n-merged-th-color-sorting: var(--n-th-color-hover-modal);
 --n-merged-td-color-sorting: var(--n-td-color-hover-modal);
 --n-merged-td-color-striped: var(--n-td-color-striped-modal);
 `)),la(i("data-table",`
 --n-merged-th-color: var(--n-th-color-popover);
 --n-merged-td-color: var(--n-td-color-popover);
 --n-merged-border-color: var(--n-border-color-popover);
 --n-merged-th-color-hover: var(--n-th-color-hover-popover);
 --n-merged-td-color-hover: var(--n-td-color-hover-popover);
 --n-merged-th-color-sorting: var(--n-th-color-hover-popover);
 --n-merged-td-color-sorting: var(--n-td-color-hover-popover);
 --n-merged-td-color-striped: var(--n-td-color-striped-popover);
 `))]);function Xl(){return[k("fixed-left",`
 left: 0;
 position: sticky;
 z-index: 2;
 `,[L("&::after",`
 pointer-events: none;
 content: "";
 width: 36px;
 display: inline-block;
 position: absolute;
 top: 0;
 bottom: -1px;
 transition: box-shadow .2s var(--n-bezier);
 right: -36px;
 `)]),k("fixed-right",`
 right: 0;
 position: sticky;
 z-index: 1;
 `,[L("&::before",`
 pointer-events: none;
 content: "";
 width: 36px;
 display: inline-block;
 position: absolute;
 top: 0;
 bottom: -1px;
 transition: box-shadow .2s var(--n-bezier);
 left: -36px;
 `)])]}function Gl(e,t){const{paginatedDataRef:r,treeMateRef:a,selectionColumnRef:n}=t,l=W(e.defaultCheckedRowKeys),d=w(()=>{const{checkedRowKeys:_}=e,y=_===void 0?l.value:_;return n.value?.multiple===!1?{checkedKeys:y.slice(0,1),indeterminateKeys:[]}:a.value.getCheckedKeys(y,{cascade:e.cascade,allowNotLoaded:e.allowCheckingNotLoaded})}),f=w(()=>d.value.checkedKeys),h=w(()=>d.value.indeterminateKeys),c=w(()=>new Set(f.value)),g=w(()=>new Set(h.value)),x=w(()=>{const{value:_}=c;return r.value.reduce((y,z)=>{const{key:X,disabled:q}=z;return y+(!q&&_.has(X)?1:0)},0)}),C=w(()=>r.value.filter(_=>_.disabled).length),b=w(()=>{const{length:_}=r.value,{value:y}=g;return x.value>0&&x.value<_-C.value||r.value.some(z=>y.has(z.key))}),s=w(()=>{const{length:_}=r.value;return x.value!==0&&x.value===_-C.value}),p=w(()=>r.value.length===0);function u(_,y,z){const{"onUpdate:checkedRowKeys":X,onUpdateCheckedRowKeys:q,onCheckedRowKeysChange:ae}=e,ne=[],{value:{getNode:A}}=a;_.forEach(oe=>{const D=A(oe)?.rawNode;ne.push(D)}),X&&Y(X,_,ne,{row:y,action:z}),q&&Y(q,_,ne,{row:y,action:z}),ae&&Y(ae,_,ne,{row:y,action:z}),l.value=_}function R(_,y=!1,z){if(!e.loading){if(y){u(Array.isArray(_)?_.slice(0,1):[_],z,"check");return}u(a.value.check(_,f.value,{cascade:e.cascade,allowNotLoaded:e.allowCheckingNotLoaded}).checkedKeys,z,"check")}}function T(_,y){e.loading||u(a.value.uncheck(_,f.value,{cascade:e.cascade,allowNotLoaded:e.allowCheckingNotLoaded}).checkedKeys,y,"uncheck")}function E(_=!1){const{value:y}=n;if(!y||e.loading)return;const z=[];(_?a.value.treeNodes:r.value).forEach(X=>{X.disabled||z.push(X.key)}),u(a.value.check(z,f.value,{cascade:!0,allowNotLoaded:e.allowCheckingNotLoaded}).checkedKeys,void 0,"checkAll")}function N(_=!1){const{value:y}=n;if(!y||e.loading)return;const z=[];(_?a.value.treeNodes:r.value).forEach(X=>{X.disabled||z.push(X.key)}),u(a.value.uncheck(z,f.value,{cascade:!0,allowNotLoaded:e.allowCheckingNotLoaded}).checkedKeys,void 0,"uncheckAll")}return{mergedCheckedRowKeySetRef:c,mergedCheckedRowKeysRef:f,mergedInderminateRowKeySetRef:g,someRowsCheckedRef:b,allRowsCheckedRef:s,headerCheckboxDisabledRef:p,doUpdateCheckedRowKeys:u,doCheckAll:E,doUncheckAll:N,doCheck:R,doUncheck:T}}function Zl(e,t){const r=vt(()=>{for(const c of e.columns)if(c.type==="expand")return c.renderExpand}),a=vt(()=>{let c;for(const g of e.columns)if(g.type==="expand"){c=g.expandable;break}return c}),n=W(e.defaultExpandAll?r?.value?(()=>{const c=[];return t.value.treeNodes.forEach(g=>{a.value?.(g.rawNode)&&c.push(g.key)}),c})():t.value.getNonLeafKeys():e.defaultExpandedRowKeys),l=de(e,"expandedRowKeys"),d=de(e,"stickyExpandedRows"),f=ut(l,n);function h(c){const{onUpdateExpandedRowKeys:g,"onUpdate:expandedRowKeys":x}=e;g&&Y(g,c),x&&Y(x,c),n.value=c}return{stickyExpandedRowsRef:d,mergedExpandedRowKeysRef:f,renderExpandRef:r,expandableRef:a,doUpdateExpandedRowKeys:h}}function Jl(e,t){const r=[],a=[],n=[],l=new WeakMap;let d=-1,f=0,h=!1,c=0;function g(C,b){b>d&&(r[b]=[],d=b),C.forEach(s=>{if("children"in s)g(s.children,b+1);else{const p="key"in s?s.key:void 0;a.push({key:nt(s),style:dl(s,p!==void 0?at(t(p)):void 0),column:s,index:c++,width:s.width===void 0?128:Number(s.width)}),f+=1,h||(h=!!s.ellipsis),n.push(s)}})}g(e,0),c=0;function x(C,b){let s=0;C.forEach(p=>{if("children"in p){const u=c,R={column:p,colIndex:c,colSpan:0,rowSpan:1,isLast:!1};x(p.children,b+1),p.children.forEach(T=>{R.colSpan+=l.get(T)?.colSpan??0}),u+R.colSpan===f&&(R.isLast=!0),l.set(p,R),r[b].push(R)}else{if(c<s){c+=1;return}let u=1;"titleColSpan"in p&&(u=p.titleColSpan??1),u>1&&(s=c+u);const R=c+u===f,T={column:p,colSpan:u,colIndex:c,rowSpan:d-b+1,isLast:R};l.set(p,T),r[b].push(T),c+=1}})}return x(e,0),{hasEllipsis:h,rows:r,cols:a,dataRelatedCols:n}}function Yl(e,t){const r=w(()=>Jl(e.columns,t));return{rowsRef:w(()=>r.value.rows),colsRef:w(()=>r.value.cols),hasEllipsisRef:w(()=>r.value.hasEllipsis),dataRelatedColsRef:w(()=>r.value.dataRelatedCols)}}function Ql(){const e=W({});function t(n){return e.value[n]}function r(n,l){_a(n)&&"key"in n&&(e.value[n.key]=l)}function a(){e.value={}}return{getResizableWidth:t,doUpdateResizableWidth:r,clearResizableWidth:a}}function ei(e,{mainTableInstRef:t,mergedCurrentPageRef:r,bodyWidthRef:a,maxHeightRef:n,mergedTableLayoutRef:l,mergedEmptyRef:d}){const f=w(()=>e.scrollX!==void 0||n.value!==void 0||e.flexHeight),h=w(()=>{const D=!f.value&&l.value==="auto";return e.scrollX!==void 0||D});let c=0;const g=W(),x=W(null),C=W([]),b=W(null),s=W([]),p=w(()=>at(e.scrollX)),u=w(()=>e.columns.filter(D=>D.fixed==="left")),R=w(()=>e.columns.filter(D=>D.fixed==="right")),T=w(()=>{const D={};let H=0;function G(Z){Z.forEach(j=>{const ue={start:H,end:0};D[nt(j)]=ue,"children"in j?(G(j.children),ue.end=H):(H+=Kr(j)||0,ue.end=H)})}return G(u.value),D}),E=w(()=>{const D={};let H=0;function G(Z){for(let j=Z.length-1;j>=0;--j){const ue=Z[j],pe={start:H,end:0};D[nt(ue)]=pe,"children"in ue?(G(ue.children),pe.end=H):(H+=Kr(ue)||0,pe.end=H)}}return G(R.value),D});function N(){const{value:D}=u;let H=0;const{value:G}=T;let Z=null;for(let j=0;j<D.length;++j){const ue=nt(D[j]);if(c>(G[ue]?.start||0)-H)Z=ue,H=G[ue]?.end||0;else break}x.value=Z}function _(){C.value=[];let D=e.columns.find(H=>nt(H)===x.value);for(;D&&"children"in D;){const H=D.children.length;if(H===0)break;const G=D.children[H-1];C.value.push(nt(G)),D=G}}function y(){const{value:D}=R,H=Number(e.scrollX),{value:G}=a;if(G===null)return;let Z=0,j=null;const{value:ue}=E;for(let pe=D.length-1;pe>=0;--pe){const we=nt(D[pe]);if(Math.round(c+(ue[we]?.start||0)+G-Z)<H)j=we,Z=ue[we]?.end||0;else break}b.value=j}function z(){s.value=[];let D=e.columns.find(H=>nt(H)===b.value);for(;D&&"children"in D&&D.children.length;){const H=D.children[0];s.value.push(nt(H)),D=H}}function X(){return{header:t.value?t.value.getHeaderElement():null,body:t.value?t.value.getBodyElement():null}}function q(){const{body:D}=X();D&&(D.scrollTop=0)}function ae(){g.value!=="body"?_r(A,"head"):g.value=void 0}function ne(D){e.onScroll?.(D),g.value!=="head"?_r(A,"body"):g.value=void 0}function A(D){const{header:H,body:G}=X();if(!G)return;if(D==="layout")H&&(H.scrollLeft=c),G.scrollLeft=c;else if(H)if(D==="head")c=H.scrollLeft,G.scrollLeft=c,g.value="head";else if(D==="body")c=G.scrollLeft,H.scrollLeft=c,g.value="body";else{const j=c-H.scrollLeft;g.value=j!==0?"head":"body",g.value==="head"?(c=H.scrollLeft,G.scrollLeft=c):(c=G.scrollLeft,H.scrollLeft=c)}else D!=="head"&&(c=G.scrollLeft);const{value:Z}=a;Z!==null&&(N(),_(),y(),z())}function oe(D){const{header:H}=X();H&&(H.scrollLeft=D,c=D,A("head"))}return bt(r,()=>{q()}),bt([()=>e.virtualScroll,d],()=>{pt(()=>{A("layout")})}),{styleScrollXRef:p,fixedColumnLeftMapRef:T,fixedColumnRightMapRef:E,leftFixedColumnsRef:u,rightFixedColumnsRef:R,leftActiveFixedColKeyRef:x,leftActiveFixedChildrenColKeysRef:C,rightActiveFixedColKeyRef:b,rightActiveFixedChildrenColKeysRef:s,syncScrollState:A,handleTableBodyScroll:ne,handleTableHeaderScroll:ae,setHeaderScrollLeft:oe,explicitlyScrollableRef:f,xScrollableRef:h}}function It(e){return typeof e=="object"&&typeof e.multiple=="number"?e.multiple:!1}function ti(e,t){return t&&(e===void 0||e==="default"||typeof e=="object"&&e.compare==="default")?ri(t):typeof e=="function"?e:e&&typeof e=="object"&&e.compare&&e.compare!=="default"?e.compare:!1}function ri(e){return(t,r)=>{const a=t[e],n=r[e];return a==null?n==null?0:-1:n==null?1:typeof a=="number"&&typeof n=="number"?a-n:typeof a=="string"&&typeof n=="string"?a.localeCompare(n):0}}function ai(e,{dataRelatedColsRef:t,filteredDataRef:r}){const a=[];t.value.forEach(b=>{b.sorter!==void 0&&C(a,{columnKey:b.key,sorter:b.sorter,order:b.defaultSortOrder??!1})});const n=W(a),l=w(()=>{const b=t.value.filter(u=>u.type!=="selection"&&u.sorter!==void 0&&(u.sortOrder==="ascend"||u.sortOrder==="descend"||u.sortOrder===!1)),s=b.filter(u=>u.sortOrder!==!1);if(s.length)return s.map(u=>({columnKey:u.key,order:u.sortOrder,sorter:u.sorter}));if(b.length)return[];const{value:p}=n;return Array.isArray(p)?p:p?[p]:[]}),d=w(()=>{const b=l.value.slice().sort((s,p)=>{const u=It(s.sorter)||0;return(It(p.sorter)||0)-u});return b.length?r.value.slice().sort((s,p)=>{let u=0;return b.some(R=>{const{columnKey:T,sorter:E,order:N}=R,_=ti(E,T);return _&&N&&(u=_(s.rawNode,p.rawNode),u!==0)?(u=u*il(N),!0):!1}),u}):r.value});function f(b){let s=l.value.slice();return b&&It(b.sorter)!==!1?(s=s.filter(p=>It(p.sorter)!==!1),C(s,b),s):b||null}function h(b){c(f(b))}function c(b){const{"onUpdate:sorter":s,onUpdateSorter:p,onSorterChange:u}=e;s&&Y(s,b),p&&Y(p,b),u&&Y(u,b),n.value=b}function g(b,s="ascend"){if(!b)x();else{const p=t.value.find(R=>R.type!=="selection"&&R.type!=="expand"&&R.key===b);if(!p?.sorter)return;const u=p.sorter;h({columnKey:b,sorter:u,order:s})}}function x(){c(null)}function C(b,s){const p=b.findIndex(u=>s?.columnKey&&u.columnKey===s.columnKey);p!==void 0&&p>=0?b[p]=s:b.push(s)}return{clearSorter:x,sort:g,sortedDataRef:d,mergedSortStateRef:l,deriveNextSorter:h}}function oi(e,{dataRelatedColsRef:t}){const r=w(()=>{const P=K=>{for(let te=0;te<K.length;++te){const Q=K[te];if("children"in Q)return P(Q.children);if(Q.type==="selection")return Q}return null};return P(e.columns)}),a=w(()=>{const{childrenKey:P}=e;return ma(e.data,{ignoreEmptyChildren:!0,getKey:e.rowKey,getChildren:K=>K[P],getDisabled:K=>!!r.value?.disabled?.(K)})}),n=vt(()=>{const{columns:P}=e,{length:K}=P;let te=null;for(let Q=0;Q<K;++Q){const me=P[Q];if(!me.type&&te===null&&(te=Q),"tree"in me&&me.tree)return Q}return te||0}),l=W({}),{pagination:d}=e,f=W(d&&d.defaultPage||1),h=W(Ra(d)),c=w(()=>{const P=t.value.filter(te=>te.filterOptionValues!==void 0||te.filterOptionValue!==void 0),K={};return P.forEach(te=>{te.type==="selection"||te.type==="expand"||(te.filterOptionValues===void 0?K[te.key]=te.filterOptionValue??null:K[te.key]=te.filterOptionValues)}),Object.assign(Vr(l.value),K)}),g=w(()=>{const P=c.value,{columns:K}=e;function te(Se){return(ze,Pe)=>!!~String(Pe[Se]).indexOf(String(ze))}const{value:{treeNodes:Q}}=a,me=[];return K.forEach(Se=>{Se.type==="selection"||Se.type==="expand"||"children"in Se||me.push([Se.key,Se])}),Q?Q.filter(Se=>{const{rawNode:ze}=Se;for(const[Pe,I]of me){let fe=P[Pe];if(fe==null||(Array.isArray(fe)||(fe=[fe]),!fe.length))continue;const Fe=I.filter==="default"?te(Pe):I.filter;if(I&&typeof Fe=="function")if(I.filterMode==="and"){if(fe.some(_e=>!Fe(_e,ze)))return!1}else{if(fe.some(_e=>Fe(_e,ze)))continue;return!1}}return!0}):[]}),{sortedDataRef:x,deriveNextSorter:C,mergedSortStateRef:b,sort:s,clearSorter:p}=ai(e,{dataRelatedColsRef:t,filteredDataRef:g});t.value.forEach(P=>{if(P.filter){const K=P.defaultFilterOptionValues;P.filterMultiple?l.value[P.key]=K||[]:K!==void 0?l.value[P.key]=K===null?[]:K:l.value[P.key]=P.defaultFilterOptionValue??null}});const u=w(()=>{const{pagination:P}=e;if(P!==!1)return P.page}),R=w(()=>{const{pagination:P}=e;if(P!==!1)return P.pageSize}),T=ut(u,f),E=ut(R,h),N=vt(()=>{const P=T.value;return e.remote?P:Math.max(1,Math.min(Math.ceil(g.value.length/E.value),P))}),_=w(()=>{const{pagination:P}=e;if(P){const{pageCount:K}=P;if(K!==void 0)return K}}),y=w(()=>{if(e.remote)return a.value.treeNodes;if(!e.pagination)return x.value;const P=E.value,K=(N.value-1)*P;return x.value.slice(K,K+P)}),z=w(()=>y.value.map(P=>P.rawNode)),X=w(()=>x.value.map(P=>P.rawNode));function q(P){const{pagination:K}=e;if(K){const{onChange:te,"onUpdate:page":Q,onUpdatePage:me}=K;te&&Y(te,P),me&&Y(me,P),Q&&Y(Q,P),oe(P)}}function ae(P){const{pagination:K}=e;if(K){const{onPageSizeChange:te,"onUpdate:pageSize":Q,onUpdatePageSize:me}=K;te&&Y(te,P),me&&Y(me,P),Q&&Y(Q,P),D(P)}}const ne=w(()=>{if(e.remote){const{pagination:P}=e;if(P){const{itemCount:K}=P;if(K!==void 0)return K}return}return g.value.length}),A=w(()=>({...e.pagination,onChange:void 0,onUpdatePage:void 0,onUpdatePageSize:void 0,onPageSizeChange:void 0,"onUpdate:page":q,"onUpdate:pageSize":ae,page:N.value,pageSize:E.value,pageCount:ne.value===void 0?_.value:void 0,itemCount:ne.value}));function oe(P){const{"onUpdate:page":K,onPageChange:te,onUpdatePage:Q}=e;Q&&Y(Q,P),K&&Y(K,P),te&&Y(te,P),f.value=P}function D(P){const{"onUpdate:pageSize":K,onPageSizeChange:te,onUpdatePageSize:Q}=e;te&&Y(te,P),Q&&Y(Q,P),K&&Y(K,P),h.value=P}function H(P,K){const{onUpdateFilters:te,"onUpdate:filters":Q,onFiltersChange:me}=e;te&&Y(te,P,K),Q&&Y(Q,P,K),me&&Y(me,P,K),l.value=P}function G(P,K,te,Q){e.onUnstableColumnResize?.(P,K,te,Q)}function Z(P){oe(P)}function j(){ue()}function ue(){pe({})}function pe(P){we(P)}function we(P){P?P&&(l.value=Vr(P)):l.value={}}return{treeMateRef:a,mergedCurrentPageRef:N,mergedPaginationRef:A,paginatedDataRef:y,rawPaginatedDataRef:z,rawSortedDataRef:X,mergedFilterStateRef:c,mergedSortStateRef:b,hoverKeyRef:W(null),selectionColumnRef:r,childTriggerColIndexRef:n,doUpdateFilters:H,deriveNextSorter:C,doUpdatePageSize:D,doUpdatePage:oe,onUnstableColumnResize:G,filter:we,filters:pe,clearFilter:j,clearFilters:ue,clearSorter:p,page:Z,sort:s}}var Ft=le({name:"DataTable",alias:["AdvancedTable"],props:jn,slots:Object,setup(e,{slots:t}){const{mergedBorderedRef:r,mergedClsPrefixRef:a,inlineThemeDisabled:n,mergedRtlRef:l,mergedComponentPropsRef:d}=Je(e),f=xt("DataTable",l,a),h=w(()=>e.size||d?.value?.DataTable?.size||"medium"),c=w(()=>{const{bottomBordered:ke}=e;return r.value?!1:ke!==void 0?ke:!0}),g=Le("DataTable","-data-table",ql,_o,e,a),x=W(null),C=W(null),{getResizableWidth:b,clearResizableWidth:s,doUpdateResizableWidth:p}=Ql(),{rowsRef:u,colsRef:R,dataRelatedColsRef:T,hasEllipsisRef:E}=Yl(e,b),{treeMateRef:N,mergedCurrentPageRef:_,paginatedDataRef:y,rawPaginatedDataRef:z,rawSortedDataRef:X,selectionColumnRef:q,hoverKeyRef:ae,mergedPaginationRef:ne,mergedFilterStateRef:A,mergedSortStateRef:oe,childTriggerColIndexRef:D,doUpdatePage:H,doUpdateFilters:G,onUnstableColumnResize:Z,deriveNextSorter:j,filter:ue,filters:pe,clearFilter:we,clearFilters:P,clearSorter:K,page:te,sort:Q}=oi(e,{dataRelatedColsRef:T}),me=w(()=>y.value.length===0),Se=ke=>{const{fileName:$e="data.csv",keepOriginalData:je=!1}=ke||{},Qe=je?e.data:z.value,dt=hl(e.columns,Qe,e.getCsvCell,e.getCsvHeader),ht=new Blob([dt],{type:"text/csv;charset=utf-8"}),et=URL.createObjectURL(ht);on(et,$e.endsWith(".csv")?$e:`${$e}.csv`),URL.revokeObjectURL(et)},{doCheckAll:ze,doUncheckAll:Pe,doCheck:I,doUncheck:fe,headerCheckboxDisabledRef:Fe,someRowsCheckedRef:_e,allRowsCheckedRef:De,mergedCheckedRowKeySetRef:Xe,mergedInderminateRowKeySetRef:re}=Gl(e,{selectionColumnRef:q,treeMateRef:N,paginatedDataRef:y}),{stickyExpandedRowsRef:xe,mergedExpandedRowKeysRef:Ee,renderExpandRef:Be,expandableRef:Ge,doUpdateExpandedRowKeys:it}=Zl(e,N),Ye=de(e,"maxHeight"),Ie=w(()=>e.virtualScroll||e.flexHeight||e.maxHeight!==void 0||E.value?"fixed":e.tableLayout),{handleTableBodyScroll:Oe,handleTableHeaderScroll:ft,syncScrollState:st,setHeaderScrollLeft:Ve,leftActiveFixedColKeyRef:v,leftActiveFixedChildrenColKeysRef:F,rightActiveFixedColKeyRef:V,rightActiveFixedChildrenColKeysRef:ie,leftFixedColumnsRef:ge,rightFixedColumnsRef:Ce,fixedColumnLeftMapRef:ve,fixedColumnRightMapRef:O,xScrollableRef:ee,explicitlyScrollableRef:se}=ei(e,{bodyWidthRef:x,mainTableInstRef:C,mergedCurrentPageRef:_,maxHeightRef:Ye,mergedTableLayoutRef:Ie,mergedEmptyRef:me}),{localeRef:he}=ya("DataTable");At(lt,{xScrollableRef:ee,explicitlyScrollableRef:se,props:e,treeMateRef:N,renderExpandIconRef:de(e,"renderExpandIcon"),loadingKeySetRef:W(new Set),slots:t,indentRef:de(e,"indent"),childTriggerColIndexRef:D,bodyWidthRef:x,componentId:sa(),hoverKeyRef:ae,mergedClsPrefixRef:a,mergedThemeRef:g,scrollXRef:w(()=>e.scrollX),rowsRef:u,colsRef:R,paginatedDataRef:y,leftActiveFixedColKeyRef:v,leftActiveFixedChildrenColKeysRef:F,rightActiveFixedColKeyRef:V,rightActiveFixedChildrenColKeysRef:ie,leftFixedColumnsRef:ge,rightFixedColumnsRef:Ce,fixedColumnLeftMapRef:ve,fixedColumnRightMapRef:O,mergedCurrentPageRef:_,someRowsCheckedRef:_e,allRowsCheckedRef:De,mergedSortStateRef:oe,mergedFilterStateRef:A,loadingRef:de(e,"loading"),rowClassNameRef:de(e,"rowClassName"),mergedCheckedRowKeySetRef:Xe,mergedExpandedRowKeysRef:Ee,mergedInderminateRowKeySetRef:re,localeRef:he,expandableRef:Ge,stickyExpandedRowsRef:xe,rowKeyRef:de(e,"rowKey"),renderExpandRef:Be,summaryRef:de(e,"summary"),virtualScrollRef:de(e,"virtualScroll"),virtualScrollXRef:de(e,"virtualScrollX"),heightForRowRef:de(e,"heightForRow"),minRowHeightRef:de(e,"minRowHeight"),virtualScrollHeaderRef:de(e,"virtualScrollHeader"),headerHeightRef:de(e,"headerHeight"),rowPropsRef:de(e,"rowProps"),stripedRef:de(e,"striped"),checkOptionsRef:w(()=>{const{value:ke}=q;return ke?.options}),rawPaginatedDataRef:z,filterMenuCssVarsRef:w(()=>{const{self:{actionDividerColor:ke,actionPadding:$e,actionButtonMargin:je}}=g.value;return{"--n-action-padding":$e,"--n-action-button-margin":je,"--n-action-divider-color":ke}}),onLoadRef:de(e,"onLoad"),mergedTableLayoutRef:Ie,maxHeightRef:Ye,minHeightRef:de(e,"minHeight"),flexHeightRef:de(e,"flexHeight"),headerCheckboxDisabledRef:Fe,paginationBehaviorOnFilterRef:de(e,"paginationBehaviorOnFilter"),summaryPlacementRef:de(e,"summaryPlacement"),filterIconPopoverPropsRef:de(e,"filterIconPopoverProps"),scrollbarPropsRef:de(e,"scrollbarProps"),syncScrollState:st,doUpdatePage:H,doUpdateFilters:G,getResizableWidth:b,onUnstableColumnResize:Z,clearResizableWidth:s,doUpdateResizableWidth:p,deriveNextSorter:j,doCheck:I,doUncheck:fe,doCheckAll:ze,doUncheckAll:Pe,doUpdateExpandedRowKeys:it,handleTableHeaderScroll:ft,handleTableBodyScroll:Oe,setHeaderScrollLeft:Ve,renderCell:de(e,"renderCell")});const Me={filter:ue,filters:pe,clearFilters:P,clearSorter:K,page:te,sort:Q,clearFilter:we,downloadCsv:Se,scrollTo:(ke,$e)=>{C.value?.scrollTo(ke,$e)},getFilteredAndSortedData:()=>X.value,getCurrentPageData:()=>z.value},We=w(()=>{const ke=h.value,{common:{cubicBezierEaseInOut:$e},self:{borderColor:je,tdColorHover:Qe,tdColorSorting:dt,tdColorSortingModal:ht,tdColorSortingPopover:et,thColorSorting:ot,thColorSortingModal:kt,thColorSortingPopover:Ue,thColor:qe,thColorHover:_t,tdColor:Gt,tdTextColor:Zt,thTextColor:Jt,thFontWeight:Yt,thButtonColorHover:Qt,thIconColor:er,thIconColorActive:Ea,filterSize:Ia,borderRadius:Oa,lineHeight:Ua,tdColorModal:Na,thColorModal:Da,borderColorModal:Ha,thColorHoverModal:Ka,tdColorHoverModal:Va,borderColorPopover:Wa,thColorPopover:ja,tdColorPopover:qa,tdColorHoverPopover:Xa,thColorHoverPopover:Ga,paginationMargin:Za,emptyPadding:Ja,boxShadowAfter:Ya,boxShadowBefore:Qa,sorterSize:eo,resizableContainerSize:to,resizableSize:ro,loadingColor:ao,loadingSize:oo,opacityLoading:no,tdColorStriped:lo,tdColorStripedModal:io,tdColorStripedPopover:so,[ye("fontSize",ke)]:co,[ye("thPadding",ke)]:uo,[ye("tdPadding",ke)]:fo}}=g.value;return{"--n-font-size":co,"--n-th-padding":uo,"--n-td-padding":fo,"--n-bezier":$e,"--n-border-radius":Oa,"--n-line-height":Ua,"--n-border-color":je,"--n-border-color-modal":Ha,"--n-border-color-popover":Wa,"--n-th-color":qe,"--n-th-color-hover":_t,"--n-th-color-modal":Da,"--n-th-color-hover-modal":Ka,"--n-th-color-popover":ja,"--n-th-color-hover-popover":Ga,"--n-td-color":Gt,"--n-td-color-hover":Qe,"--n-td-color-modal":Na,"--n-td-color-hover-modal":Va,"--n-td-color-popover":qa,"--n-td-color-hover-popover":Xa,"--n-th-text-color":Jt,"--n-td-text-color":Zt,"--n-th-font-weight":Yt,"--n-th-button-color-hover":Qt,"--n-th-icon-color":er,"--n-th-icon-color-active":Ea,"--n-filter-size":Ia,"--n-pagination-margin":Za,"--n-empty-padding":Ja,"--n-box-shadow-before":Qa,"--n-box-shadow-after":Ya,"--n-sorter-size":eo,"--n-resizable-container-size":to,"--n-resizable-size":ro,"--n-loading-size":oo,"--n-loading-color":ao,"--n-opacity-loading":no,"--n-td-color-striped":lo,"--n-td-color-striped-modal":io,"--n-td-color-striped-popover":so,"--n-td-color-sorting":dt,"--n-td-color-sorting-modal":ht,"--n-td-color-sorting-popover":et,"--n-th-color-sorting":ot,"--n-th-color-sorting-modal":kt,"--n-th-color-sorting-popover":Ue}}),He=n?Ct("data-table",w(()=>h.value[0]),We,e):void 0;return{mainTableInstRef:C,mergedClsPrefix:a,rtlEnabled:f,mergedTheme:g,paginatedData:y,mergedBordered:r,mergedBottomBordered:c,mergedPagination:ne,mergedShowPagination:w(()=>{if(!e.pagination)return!1;if(e.paginateSinglePage)return!0;const ke=ne.value,{pageCount:$e}=ke;return $e!==void 0?$e>1:ke.itemCount&&ke.pageSize&&ke.itemCount>ke.pageSize}),cssVars:n?void 0:We,themeClass:He?.themeClass,onRender:He?.onRender,mergedEmpty:me,...Me}},render(){const{mergedClsPrefix:e,themeClass:t,onRender:r,$slots:a,spinProps:n}=this;return r?.(),o(),m("div",{class:M([`${e}-data-table`,this.rtlEnabled&&`${e}-data-table--rtl`,t,{[`${e}-data-table--bordered`]:this.mergedBordered,[`${e}-data-table--bottom-bordered`]:this.mergedBottomBordered,[`${e}-data-table--single-line`]:this.singleLine,[`${e}-data-table--single-column`]:this.singleColumn,[`${e}-data-table--loading`]:this.loading,[`${e}-data-table--flex-height`]:this.flexHeight,[`${e}-data-table--empty`]:this.mergedEmpty}]),style:Re(this.cssVars)},[U("div",{class:M(`${e}-data-table-wrapper`)},[be(jl,{ref:"mainTableInstRef"},null,512)],2),this.mergedShowPagination?(o(),m("div",{key:0,class:M(`${e}-data-table__pagination`)},[(o(),$(Wn,Te({theme:this.mergedTheme.peers.Pagination,themeOverrides:this.mergedTheme.peerOverrides.Pagination,disabled:this.loading},this.mergedPagination),null,16,["theme","themeOverrides","disabled"]))],2)):S(()=>null),be(Po,{name:"fade-in-scale-up-transition"},{default:()=>this.loading?(o(),m("div",{key:1,class:M(`${e}-data-table-loading-wrapper`)},[S(()=>pr(a.loading,()=>[(o(),$(ha,Te({clsPrefix:e,strokeWidth:20},n),null,16,["clsPrefix"]))]))],2)):null},1024)],6)}});function Ma(){const e=Ne(Fo,null);return e===null&&pa("use-message","No outer <n-message-provider /> founded. See prerequisite in https://www.naiveui.com/en-US/os-theme/components/message for more details. If you want to use `useMessage` outside setup, please check https://www.naiveui.com/zh-CN/os-theme/components/message#Q-&-A."),e}var ni=le({name:"Add",render(){return(()=>{const e=Ke("b30130fbba5c5b23");return e[0]||(e[0]=U("svg",{width:"512",height:"512",viewBox:"0 0 512 512",fill:"none",xmlns:"http://www.w3.org/2000/svg"},[U("path",{d:"M256 112V400M400 256H112",stroke:"currentColor","stroke-width":"32","stroke-linecap":"round","stroke-linejoin":"round"})],-1))})()}}),li=i("statistic",[J("label",`
 font-weight: var(--n-label-font-weight);
 transition: .3s color var(--n-bezier);
 font-size: var(--n-label-font-size);
 color: var(--n-label-text-color);
 `),i("statistic-value",`
 margin-top: 4px;
 font-weight: var(--n-value-font-weight);
 `,[J("prefix",`
 margin: 0 4px 0 0;
 font-size: var(--n-value-font-size);
 transition: .3s color var(--n-bezier);
 color: var(--n-value-prefix-text-color);
 `,[i("icon",{verticalAlign:"-0.125em"})]),J("content",`
 font-size: var(--n-value-font-size);
 transition: .3s color var(--n-bezier);
 color: var(--n-value-text-color);
 `),J("suffix",`
 margin: 0 0 0 4px;
 font-size: var(--n-value-font-size);
 transition: .3s color var(--n-bezier);
 color: var(--n-value-suffix-text-color);
 `,[i("icon",{verticalAlign:"-0.125em"})])])]);const ii={...Le.props,tabularNums:Boolean,label:String,value:[String,Number]};var si=le({name:"Statistic",props:ii,slots:Object,setup(e){const{mergedClsPrefixRef:t,inlineThemeDisabled:r,mergedRtlRef:a}=Je(e),n=Le("Statistic","-statistic",li,$o,e,t),l=xt("Statistic",a,t),d=w(()=>{const{self:{labelFontWeight:h,valueFontSize:c,valueFontWeight:g,valuePrefixTextColor:x,labelTextColor:C,valueSuffixTextColor:b,valueTextColor:s,labelFontSize:p},common:{cubicBezierEaseInOut:u}}=n.value;return{"--n-bezier":u,"--n-label-font-size":p,"--n-label-font-weight":h,"--n-label-text-color":C,"--n-value-font-weight":g,"--n-value-font-size":c,"--n-value-prefix-text-color":x,"--n-value-suffix-text-color":b,"--n-value-text-color":s}}),f=r?Ct("statistic",void 0,d,e):void 0;return{rtlEnabled:l,mergedClsPrefix:t,cssVars:r?void 0:d,themeClass:f?.themeClass,onRender:f?.onRender}},render(){const{mergedClsPrefix:e,$slots:{default:t,label:r,prefix:a,suffix:n}}=this;return this.onRender?.(),o(),m("div",{class:M([`${e}-statistic`,this.themeClass,this.rtlEnabled&&`${e}-statistic--rtl`]),style:Re(this.cssVars)},[S(()=>gt(r,l=>(o(),m("div",{class:M(`${e}-statistic__label`)},[S(()=>this.label||l)],2)))),U("div",{class:M(`${e}-statistic-value`),style:Re({fontVariantNumeric:this.tabularNums?"tabular-nums":""})},[S(()=>gt(a,l=>l&&(o(),m("span",{class:M(`${e}-statistic-value__prefix`)},[S(()=>l)],2)))),this.value!==void 0?(o(),m("span",{key:0,class:M(`${e}-statistic-value__content`)},[S(()=>this.value)],2)):(o(),m(ce,{key:1},[S(()=>gt(t,l=>l&&(o(),m("span",{class:M(`${e}-statistic-value__content`)},[S(()=>l)],2))))],64)),S(()=>gt(n,l=>l&&(o(),m("span",{class:M(`${e}-statistic-value__suffix`)},[S(()=>l)],2))))],6)],6)}});const yr=Mt("n-tabs"),Aa={tab:[String,Number,Object,Function],name:{type:[String,Number],required:!0},disabled:Boolean,displayDirective:{type:String,default:"if"},closable:{type:Boolean,default:void 0},tabProps:Object,label:[String,Number,Object,Function]};var di=le({__TAB_PANE__:!0,name:"TabPane",alias:["TabPanel"],props:Aa,slots:Object,setup(e){const t=Ne(yr,null);return t||pa("tab-pane","`n-tab-pane` must be placed inside `n-tabs`."),{style:t.paneStyleRef,class:t.paneClassRef,mergedClsPrefix:t.mergedClsPrefixRef}},render(){return o(),m("div",{class:M([`${this.mergedClsPrefix}-tab-pane`,this.class]),style:Re(this.style)},[S(()=>this.$slots.default?.())],6)}});const ci=["data-name","data-disabled"],ui={internalLeftPadded:Boolean,internalAddable:Boolean,internalCreatedByPane:Boolean,...br(Aa,["displayDirective"])};var hr=le({__TAB__:!0,inheritAttrs:!1,name:"Tab",props:ui,setup(e){const{mergedClsPrefixRef:t,valueRef:r,typeRef:a,closableRef:n,tabStyleRef:l,addTabStyleRef:d,tabClassRef:f,addTabClassRef:h,tabChangeIdRef:c,onBeforeLeaveRef:g,triggerRef:x,handleAdd:C,activateTab:b,handleClose:s}=Ne(yr);return{trigger:x,mergedClosable:w(()=>{if(e.internalAddable)return!1;const{closable:p}=e;return p===void 0?n.value:p}),style:l,addStyle:d,tabClass:f,addTabClass:h,clsPrefix:t,value:r,type:a,handleClose(p){p.stopPropagation(),!e.disabled&&s(e.name)},activateTab(){if(e.disabled)return;if(e.internalAddable){C();return}const{name:p}=e,u=++c.id;if(p!==r.value){const{value:R}=g;R?Promise.resolve(R(e.name,r.value)).then(T=>{T&&c.id===u&&b(p)}):b(p)}}}},render(){const{internalAddable:e,clsPrefix:t,name:r,disabled:a,label:n,tab:l,value:d,mergedClosable:f,trigger:h,$slots:{default:c}}=this,g=n??l;return o(),m("div",{class:M(`${t}-tabs-tab-wrapper`)},[this.internalLeftPadded?(o(),m("div",{key:0,class:M(`${t}-tabs-tab-pad`)},null,2)):S(()=>null),(o(),m("div",Te({key:r,"data-name":r,"data-disabled":a?!0:void 0},Te({class:[`${t}-tabs-tab`,d===r&&`${t}-tabs-tab--active`,a&&`${t}-tabs-tab--disabled`,f&&`${t}-tabs-tab--closable`,e&&`${t}-tabs-tab--addable`,e?this.addTabClass:this.tabClass],onClick:h==="click"?this.activateTab:void 0,onMouseenter:h==="hover"?this.activateTab:void 0,style:e?this.addStyle:this.style},this.internalCreatedByPane?this.tabProps||{}:this.$attrs)),[U("span",{class:M(`${t}-tabs-tab__label`)},[e?(o(),m(ce,{key:0},[U("div",{class:M(`${t}-tabs-tab__height-placeholder`)}," ",2),(o(),$(tt,{clsPrefix:t},{default:()=>(o(),$(ni))},1032,["clsPrefix"]))],64)):(o(),m(ce,{key:1},[c?(o(),m(ce,{key:0},[S(()=>c())],64)):(o(),m(ce,{key:1},[typeof g=="object"?(o(),m(ce,{key:0},[S(()=>g)],64)):(o(),m(ce,{key:1},[S(()=>To(g??r))],64))],64))],64))],2),f&&this.type==="card"?(o(),$(Bo,{key:0,clsPrefix:t,class:M(`${t}-tabs-tab__close`),onClick:this.handleClose,disabled:a},null,8,["clsPrefix","class","onClick","disabled"])):S(()=>null)],16,ci))],2)}}),fi=i("tabs",`
 box-sizing: border-box;
 width: 100%;
 display: flex;
 flex-direction: column;
 transition:
 background-color .3s var(--n-bezier),
 border-color .3s var(--n-bezier);
`,[L("&.transition-disabled",[i("tabs-tab",`
 transition: none !important;
 `),i("tabs-nav-scroll-content",`
 transition: none !important;
 `),i("tabs-tab-pad",`
 transition: none !important;
 `)]),k("segment-type",[i("tabs-rail",[L("&.transition-disabled",[i("tabs-capsule",`
 transition: none;
 `)])])]),k("top",[i("tab-pane",`
 padding: var(--n-pane-padding-top) var(--n-pane-padding-right) var(--n-pane-padding-bottom) var(--n-pane-padding-left);
 `)]),k("left",[i("tab-pane",`
 padding: var(--n-pane-padding-right) var(--n-pane-padding-bottom) var(--n-pane-padding-left) var(--n-pane-padding-top);
 `)]),k("left, right",`
 flex-direction: row;
 `,[i("tabs-bar",`
 width: 2px;
 right: 0;
 transition:
 top .2s var(--n-bezier),
 max-height .2s var(--n-bezier),
 background-color .3s var(--n-bezier);
 `),i("tabs-tab",`
 padding: var(--n-tab-padding-vertical); 
 `)]),k("right",`
 flex-direction: row-reverse;
 `,[i("tab-pane",`
 padding: var(--n-pane-padding-left) var(--n-pane-padding-top) var(--n-pane-padding-right) var(--n-pane-padding-bottom);
 `),i("tabs-bar",`
 left: 0;
 `)]),k("bottom",`
 flex-direction: column-reverse;
 justify-content: flex-end;
 `,[i("tab-pane",`
 padding: var(--n-pane-padding-bottom) var(--n-pane-padding-right) var(--n-pane-padding-top) var(--n-pane-padding-left);
 `),i("tabs-bar",`
 top: 0;
 `)]),i("tabs-rail",`
 position: relative;
 padding: 3px;
 border-radius: var(--n-tab-border-radius);
 width: 100%;
 background-color: var(--n-color-segment);
 transition: background-color .3s var(--n-bezier);
 display: flex;
 align-items: center;
 `,[i("tabs-capsule",`
 border-radius: var(--n-tab-border-radius);
 position: absolute;
 left: 0;
 top: 0;
 pointer-events: none;
 background-color: var(--n-tab-color-segment);
 box-shadow: 0 1px 3px 0 rgba(0, 0, 0, .08);
 transition: transform 0.3s var(--n-bezier);
 `),i("tabs-tab-wrapper",`
 flex-basis: 0;
 flex-grow: 1;
 display: flex;
 align-items: center;
 justify-content: center;
 `,[i("tabs-tab",`
 overflow: hidden;
 border-radius: var(--n-tab-border-radius);
 width: 100%;
 display: flex;
 align-items: center;
 justify-content: center;
 `,[k("active",`
 font-weight: var(--n-font-weight-strong);
 color: var(--n-tab-text-color-active);
 `),L("&:hover",`
 color: var(--n-tab-text-color-hover);
 `)])])]),k("flex",[i("tabs-nav",`
 width: 100%;
 position: relative;
 `,[i("tabs-wrapper",`
 width: 100%;
 `,[i("tabs-tab",`
 margin-right: 0;
 `)])])]),i("tabs-nav",`
 box-sizing: border-box;
 line-height: 1.5;
 display: flex;
 transition: border-color .3s var(--n-bezier);
 `,[J("prefix, suffix",`
 display: flex;
 align-items: center;
 `),J("prefix","padding-right: 16px;"),J("suffix","padding-left: 16px;")]),k("top, bottom",[L(">",[i("tabs-nav",[i("tabs-nav-scroll-wrapper",[L("&::before",`
 top: 0;
 bottom: 0;
 left: 0;
 width: 20px;
 `),L("&::after",`
 top: 0;
 bottom: 0;
 right: 0;
 width: 20px;
 `),k("shadow-start",[L("&::before",`
 box-shadow: inset 10px 0 8px -8px rgba(0, 0, 0, .12);
 `)]),k("shadow-end",[L("&::after",`
 box-shadow: inset -10px 0 8px -8px rgba(0, 0, 0, .12);
 `)])])])])]),k("left, right",[i("tabs-nav-scroll-content",`
 flex-direction: column;
 `),L(">",[i("tabs-nav",[i("tabs-nav-scroll-wrapper",[L("&::before",`
 top: 0;
 left: 0;
 right: 0;
 height: 20px;
 `),L("&::after",`
 bottom: 0;
 left: 0;
 right: 0;
 height: 20px;
 `),k("shadow-start",[L("&::before",`
 box-shadow: inset 0 10px 8px -8px rgba(0, 0, 0, .12);
 `)]),k("shadow-end",[L("&::after",`
 box-shadow: inset 0 -10px 8px -8px rgba(0, 0, 0, .12);
 `)])])])])]),i("tabs-nav-scroll-wrapper",`
 flex: 1;
 position: relative;
 overflow: hidden;
 `,[i("tabs-nav-y-scroll",`
 height: 100%;
 width: 100%;
 overflow-y: auto; 
 scrollbar-width: none;
 `,[L("&::-webkit-scrollbar, &::-webkit-scrollbar-track-piece, &::-webkit-scrollbar-thumb",`
 width: 0;
 height: 0;
 display: none;
 `)]),L("&::before, &::after",`
 transition: box-shadow .3s var(--n-bezier);
 pointer-events: none;
 content: "";
 position: absolute;
 z-index: 1;
 `),L("&.transition-disabled",[L("&::before, &::after",`
 transition: none;
 `)])]),i("tabs-nav-scroll-content",`
 display: flex;
 position: relative;
 min-width: 100%;
 min-height: 100%;
 width: fit-content;
 box-sizing: border-box;
 `),i("tabs-wrapper",`
 display: inline-flex;
 flex-wrap: nowrap;
 position: relative;
 `),i("tabs-tab-wrapper",`
 display: flex;
 flex-wrap: nowrap;
 flex-shrink: 0;
 flex-grow: 0;
 `),i("tabs-tab",`
 cursor: pointer;
 white-space: nowrap;
 flex-wrap: nowrap;
 display: inline-flex;
 align-items: center;
 color: var(--n-tab-text-color);
 font-size: var(--n-tab-font-size);
 background-clip: padding-box;
 padding: var(--n-tab-padding);
 transition:
 box-shadow .3s var(--n-bezier),
 color .3s var(--n-bezier),
 background-color .3s var(--n-bezier),
 border-color .3s var(--n-bezier);
 `,[k("disabled",{cursor:"not-allowed"}),J("close",`
 margin-inline-start: 6px;
 transition:
 background-color .3s var(--n-bezier),
 color .3s var(--n-bezier);
 `),J("label",`
 display: flex;
 align-items: center;
 z-index: 1;
 `)]),i("tabs-bar",`
 position: absolute;
 bottom: 0;
 height: 2px;
 border-radius: 1px;
 background-color: var(--n-bar-color);
 transition:
 left .2s var(--n-bezier),
 max-width .2s var(--n-bezier),
 opacity .3s var(--n-bezier),
 background-color .3s var(--n-bezier);
 `,[L("&.transition-disabled",`
 transition: none;
 `),k("disabled",`
 background-color: var(--n-tab-text-color-disabled)
 `)]),i("tabs-pane-wrapper",`
 position: relative;
 overflow: hidden;
 transition: max-height .2s var(--n-bezier);
 `),i("tab-pane",`
 color: var(--n-pane-text-color);
 width: 100%;
 transition:
 color .3s var(--n-bezier),
 background-color .3s var(--n-bezier),
 opacity .2s var(--n-bezier);
 left: 0;
 right: 0;
 top: 0;
 `,[L("&.next-transition-leave-active, &.prev-transition-leave-active, &.next-transition-enter-active, &.prev-transition-enter-active",`
 transition:
 color .3s var(--n-bezier),
 background-color .3s var(--n-bezier),
 transform .2s var(--n-bezier),
 opacity .2s var(--n-bezier);
 `),L("&.next-transition-leave-active, &.prev-transition-leave-active",`
 position: absolute;
 `),L("&.next-transition-enter-from, &.prev-transition-leave-to",`
 transform: translateX(32px);
 opacity: 0;
 `),L("&.next-transition-leave-to, &.prev-transition-enter-from",`
 transform: translateX(-32px);
 opacity: 0;
 `),L("&.next-transition-leave-from, &.next-transition-enter-to, &.prev-transition-leave-from, &.prev-transition-enter-to",`
 transform: translateX(0);
 opacity: 1;
 `)]),i("tabs-tab-pad",`
 box-sizing: border-box;
 width: var(--n-tab-gap);
 flex-grow: 0;
 flex-shrink: 0;
 `),k("line-type, bar-type",[i("tabs-tab",`
 font-weight: var(--n-tab-font-weight);
 box-sizing: border-box;
 vertical-align: bottom;
 `,[L("&:hover",{color:"var(--n-tab-text-color-hover)"}),k("active",`
 color: var(--n-tab-text-color-active);
 font-weight: var(--n-tab-font-weight-active);
 `),k("disabled",{color:"var(--n-tab-text-color-disabled)"})])]),i("tabs-nav",[J("prefix, suffix",`
 border-color: var(--n-tab-border-color);
 `),i("tabs-nav-scroll-content",`
 border-color: var(--n-tab-border-color);
 `),k("line-type",[k("top",[J("prefix, suffix",`
 border-bottom: 1px solid var(--n-tab-border-color);
 `),i("tabs-nav-scroll-content",`
 border-bottom: 1px solid var(--n-tab-border-color);
 `),i("tabs-bar",`
 bottom: -1px;
 `)]),k("left",[J("prefix, suffix",`
 border-right: 1px solid var(--n-tab-border-color);
 `),i("tabs-nav-scroll-content",`
 border-right: 1px solid var(--n-tab-border-color);
 `),i("tabs-bar",`
 right: -1px;
 `)]),k("right",[J("prefix, suffix",`
 border-left: 1px solid var(--n-tab-border-color);
 `),i("tabs-nav-scroll-content",`
 border-left: 1px solid var(--n-tab-border-color);
 `),i("tabs-bar",`
 left: -1px;
 `)]),k("bottom",[J("prefix, suffix",`
 border-top: 1px solid var(--n-tab-border-color);
 `),i("tabs-nav-scroll-content",`
 border-top: 1px solid var(--n-tab-border-color);
 `),i("tabs-bar",`
 top: -1px;
 `)]),J("prefix, suffix",`
 transition: border-color .3s var(--n-bezier);
 `),i("tabs-nav-scroll-content",`
 transition: border-color .3s var(--n-bezier);
 `),i("tabs-bar",`
 border-radius: 0;
 `)]),k("card-type",[J("prefix, suffix",`
 transition: border-color .3s var(--n-bezier);
 `),i("tabs-pad",`
 flex-grow: 1;
 transition: border-color .3s var(--n-bezier);
 `),i("tabs-tab-pad",`
 transition: border-color .3s var(--n-bezier);
 `),i("tabs-tab",`
 font-weight: var(--n-tab-font-weight);
 border: 1px solid var(--n-tab-border-color);
 background-color: var(--n-tab-color);
 box-sizing: border-box;
 position: relative;
 vertical-align: bottom;
 display: flex;
 justify-content: space-between;
 font-size: var(--n-tab-font-size);
 color: var(--n-tab-text-color);
 `,[k("addable",`
 padding-left: 8px;
 padding-right: 8px;
 font-size: 16px;
 justify-content: center;
 `,[J("height-placeholder",`
 width: 0;
 font-size: var(--n-tab-font-size);
 `),yt("disabled",[L("&:hover",`
 color: var(--n-tab-text-color-hover);
 `)])]),k("closable","padding-inline-end: 8px;"),k("active",`
 background-color: #0000;
 font-weight: var(--n-tab-font-weight-active);
 color: var(--n-tab-text-color-active);
 `),k("disabled","color: var(--n-tab-text-color-disabled);")])]),k("left, right",`
 flex-direction: column; 
 `,[J("prefix, suffix",`
 padding: var(--n-tab-padding-vertical);
 `),i("tabs-wrapper",`
 flex-direction: column;
 `),i("tabs-tab-wrapper",`
 flex-direction: column;
 `,[i("tabs-tab-pad",`
 height: var(--n-tab-gap-vertical);
 width: 100%;
 `)])]),k("top",[k("card-type",[i("tabs-scroll-padding","border-bottom: 1px solid var(--n-tab-border-color);"),J("prefix, suffix",`
 border-bottom: 1px solid var(--n-tab-border-color);
 `),i("tabs-tab",`
 border-top-left-radius: var(--n-tab-border-radius);
 border-top-right-radius: var(--n-tab-border-radius);
 `,[k("active",`
 border-bottom: 1px solid #0000;
 `)]),i("tabs-tab-pad",`
 border-bottom: 1px solid var(--n-tab-border-color);
 `),i("tabs-pad",`
 border-bottom: 1px solid var(--n-tab-border-color);
 `)])]),k("left",[k("card-type",[i("tabs-scroll-padding","border-right: 1px solid var(--n-tab-border-color);"),J("prefix, suffix",`
 border-right: 1px solid var(--n-tab-border-color);
 `),i("tabs-tab",`
 border-top-left-radius: var(--n-tab-border-radius);
 border-bottom-left-radius: var(--n-tab-border-radius);
 `,[k("active",`
 border-right: 1px solid #0000;
 `)]),i("tabs-tab-pad",`
 border-right: 1px solid var(--n-tab-border-color);
 `),i("tabs-pad",`
 border-right: 1px solid var(--n-tab-border-color);
 `)])]),k("right",[k("card-type",[i("tabs-scroll-padding","border-left: 1px solid var(--n-tab-border-color);"),J("prefix, suffix",`
 border-left: 1px solid var(--n-tab-border-color);
 `),i("tabs-tab",`
 border-top-right-radius: var(--n-tab-border-radius);
 border-bottom-right-radius: var(--n-tab-border-radius);
 `,[k("active",`
 border-left: 1px solid #0000;
 `)]),i("tabs-tab-pad",`
 border-left: 1px solid var(--n-tab-border-color);
 `),i("tabs-pad",`
 border-left: 1px solid var(--n-tab-border-color);
 `)])]),k("bottom",[k("card-type",[i("tabs-scroll-padding","border-top: 1px solid var(--n-tab-border-color);"),J("prefix, suffix",`
 border-top: 1px solid var(--n-tab-border-color);
 `),i("tabs-tab",`
 border-bottom-left-radius: var(--n-tab-border-radius);
 border-bottom-right-radius: var(--n-tab-border-radius);
 `,[k("active",`
 border-top: 1px solid #0000;
 `)]),i("tabs-tab-pad",`
 border-top: 1px solid var(--n-tab-border-color);
 `),i("tabs-pad",`
 border-top: 1px solid var(--n-tab-border-color);
 `)])])]),i("tabs-scroll-button",[k("start",`
 padding-left: 10px;
 padding-right: 6px;
 `),k("end",`
 padding-right: 10px;
 padding-left: 6px;
 `),k("up",`
 padding-bottom: 10px;
 `),k("down",`
 padding-top: 10px;
 `)])]),Gr=le({name:"TabsButton",props:{type:{type:String,default:"next"},mergedClsPrefix:{type:String,required:!0},vertical:Boolean,disabled:Boolean,rtl:Boolean,theme:Object,themeOverrides:Object,onClick:Function},setup(e){return{handleClick:()=>{e.disabled||e.onClick?.(e.type)}}},render(){const{mergedClsPrefix:e,disabled:t,type:r,vertical:a,rtl:n,theme:l,themeOverrides:d,handleClick:f}=this,h=r==="next",c=a?h:n?!h:h;return o(),$(Bt,{text:!0,disabled:t,size:"small",theme:l,themeOverrides:d,onClick:f,class:M([`${e}-tabs-scroll-button`,!a&&r==="prev"&&`${e}-tabs-scroll-button--start`,!a&&r==="next"&&`${e}-tabs-scroll-button--end`,a&&r==="prev"&&`${e}-tabs-scroll-button--up`,a&&r==="next"&&`${e}-tabs-scroll-button--down`])},{icon:()=>(o(),$(tt,{clsPrefix:e,style:Re(a?{transform:"rotate(90deg)"}:void 0)},{default:()=>c?(o(),$(Ca,{key:1})):(o(),$(Sn,{key:2}))},1032,["clsPrefix","style"]))},1032,["disabled","theme","themeOverrides","onClick","class"])}});const ir=yn,hi={...Le.props,value:[String,Number],defaultValue:[String,Number],trigger:{type:String,default:"click"},type:{type:String,default:"bar"},closable:Boolean,justifyContent:String,size:String,placement:{type:String,default:"top"},tabStyle:[String,Object],tabClass:String,addTabStyle:[String,Object],addTabClass:String,barWidth:Number,paneClass:String,paneStyle:[String,Object],paneWrapperClass:String,paneWrapperStyle:[String,Object],addable:[Boolean,Object],tabsPadding:{type:Number,default:0},animated:Boolean,onBeforeLeave:Function,onAdd:Function,"onUpdate:value":[Function,Array],onUpdateValue:[Function,Array],onClose:[Function,Array],labelSize:String,activeName:[String,Number],onActiveNameChange:[Function,Array],showScrollButton:Boolean,centerActiveTab:Boolean};var bi=le({name:"Tabs",props:hi,slots:Object,setup(e,{slots:t}){const{mergedClsPrefixRef:r,inlineThemeDisabled:a,mergedComponentPropsRef:n,mergedRtlRef:l}=Je(e),d=xt("Tabs",l,r),f=w(()=>{const{placement:v}=e;return v==="start"?d?.value?"right":"left":v==="end"?d?.value?"left":"right":v}),h=Le("Tabs","-tabs",fi,Mo,e,r),c=W(null),g=W(null),x=W(null),C=W(null),b=W(null),s=W(null),p=W(null),u=W(!0),R=W(!0),T=Fr(e,["labelSize","size"]),E=w(()=>{if(T.value)return T.value;const v=n?.value?.Tabs?.size;return v||"medium"}),N=Fr(e,["activeName","value"]),_=W(N.value??e.defaultValue??(t.default?Dt(t.default())[0]?.props?.name:null)),y=ut(N,_),z={id:0},X=w(()=>{if(!(!e.justifyContent||e.type==="card"))return{display:"flex",justifyContent:e.justifyContent}});bt(y,()=>{z.id=0,oe(),pt(()=>{H()})});function q(){const{value:v}=y;return v===null?null:c.value?.querySelector(`[data-name="${v}"]`)}function ae(v){if(e.type==="card")return;const{value:F}=x;if(!F)return;const V=F.style.opacity==="0";if(v){const ie=`${r.value}-tabs-bar--disabled`,{barWidth:ge}=e,Ce=f.value;if(v.dataset.disabled==="true"?F.classList.add(ie):F.classList.remove(ie),["top","bottom"].includes(Ce)){if(A(["top","maxHeight","height"]),typeof ge=="number"&&v.offsetWidth>=ge){const ve=Math.floor((v.offsetWidth-ge)/2)+v.offsetLeft;F.style.left=`${ve}px`,F.style.maxWidth=`${ge}px`}else F.style.left=`${v.offsetLeft}px`,F.style.maxWidth=`${v.offsetWidth}px`;F.style.width="8192px",V&&(F.style.transition="none"),F.offsetWidth,V&&(F.style.transition="",F.style.opacity="1")}else{if(A(["left","maxWidth","width"]),typeof ge=="number"&&v.offsetHeight>=ge){const ve=Math.floor((v.offsetHeight-ge)/2)+v.offsetTop;F.style.top=`${ve}px`,F.style.maxHeight=`${ge}px`}else F.style.top=`${v.offsetTop}px`,F.style.maxHeight=`${v.offsetHeight}px`;F.style.height="8192px",V&&(F.style.transition="none"),F.offsetHeight,V&&(F.style.transition="",F.style.opacity="1")}}}function ne(){if(e.type==="card")return;const{value:v}=x;v&&(v.style.opacity="0")}function A(v){const{value:F}=x;if(F)for(const V of v)F.style[V]=""}function oe(){if(e.type==="card")return;const v=q();v?ae(v):ne()}function D(v,F,V,ie){const ge=v.getBoundingClientRect(),Ce=F.getBoundingClientRect(),ve=V?"left":"top",O=V?"right":"bottom";let ee=0;ie?ee=(Ce[ve]+Ce[O])/2-(ge[ve]+ge[O])/2:Ce[ve]<ge[ve]?ee=Ce[ve]-ge[ve]:Ce[O]>ge[O]&&(ee=Ce[O]-ge[O]),ee!==0&&v.scrollBy({[ve]:ee,behavior:"smooth"})}function H(){const v=["top","bottom"].includes(f.value),F=q();if(F)if(v){const V=s.value?.$el;if(!V)return;D(V,F,v,e.centerActiveTab)}else{const{value:V}=p;if(!V)return;D(V,F,v,e.centerActiveTab)}}const G=W(null);let Z=0,j=null;function ue(v){const F=G.value;if(F){Z=v.getBoundingClientRect().height;const V=`${Z}px`,ie=()=>{F.style.height=V,F.style.maxHeight=V};j?(ie(),j(),j=null):j=ie}}function pe(v){const F=G.value;if(F){const V=v.getBoundingClientRect().height,ie=()=>{document.body.offsetHeight,F.style.maxHeight=`${V}px`,F.style.height=`${Math.max(Z,V)}px`};j?(j(),j=null,ie()):j=ie}}function we(){const v=G.value;if(v){v.style.maxHeight="",v.style.height="";const{paneWrapperStyle:F}=e;if(typeof F=="string")v.style.cssText=F;else if(F){const{maxHeight:V,height:ie}=F;V!==void 0&&(v.style.maxHeight=V),ie!==void 0&&(v.style.height=ie)}}}const P={value:[]},K=W("next");function te(v){const F=y.value;let V="next";for(const ie of P.value){if(ie===F)break;if(ie===v){V="prev";break}}K.value=V,Q(v)}function Q(v){const{onActiveNameChange:F,onUpdateValue:V,"onUpdate:value":ie}=e;F&&Y(F,v),V&&Y(V,v),ie&&Y(ie,v),_.value=v}function me(v){const{onClose:F}=e;F&&Y(F,v)}function Se(v){if(["top","bottom"].includes(f.value)){const{value:F}=s;if(!F)return;const V=F.$el;if(!V)return;const ie=V.offsetWidth,ge=!!d?.value,Ce=v==="next"?ie:-ie;V.scrollBy({left:ge?-Ce:Ce,behavior:"smooth"})}else{const{value:F}=p;if(!F)return;const V=F.offsetHeight,ie=v==="next"?F.scrollTop+V:F.scrollTop-V;F.scrollTo({top:ie,left:0,behavior:"smooth"})}}let ze=!0;function Pe(){const{value:v}=x;if(!v)return;ze&&(ze=!1);const F="transition-disabled";v.classList.add(F),oe(),v.classList.remove(F)}const I=W(null);function fe({transitionDisabled:v}){const F=c.value;if(!F)return;v&&F.classList.add("transition-disabled");const V=q();V&&I.value&&(I.value.style.width=`${V.offsetWidth}px`,I.value.style.height=`${V.offsetHeight}px`,I.value.style.transform=`translate(${V.offsetLeft}px, ${V.offsetTop}px)`,v&&I.value.offsetWidth),v&&F.classList.remove("transition-disabled")}bt([y],()=>{e.type==="segment"&&pt(()=>{fe({transitionDisabled:!1})})}),va(()=>{e.type==="segment"&&fe({transitionDisabled:!0})});let Fe=0;function _e(v){if(v.contentRect.width===0&&v.contentRect.height===0||Fe===v.contentRect.width)return;Fe=v.contentRect.width;const{type:F}=e;(F==="line"||F==="bar")&&(ze||e.justifyContent?.startsWith("space"))&&Pe(),F!=="segment"&&Ye(it())}const De=ir(_e,64);function Xe(){const{type:v}=e;v==="line"||v==="bar"?Pe():v==="segment"&&fe({transitionDisabled:!0})}bt([()=>e.justifyContent,()=>e.size],()=>{pt(()=>{(e.type==="line"||e.type==="bar")&&Pe()})}),bt([f,()=>d?.value],()=>{pt(()=>{Xe(),Ye(it(),{instantly:!0})})}),bt(()=>e.type,()=>{pt(()=>{const v=g.value;v&&(v.classList.add("transition-disabled"),Xe(),v.offsetWidth,v.classList.remove("transition-disabled"))})});const re=W(!1);function xe(v){const{target:F,contentRect:{width:V,height:ie}}=v,ge=F.parentElement.parentElement.offsetWidth,Ce=F.parentElement.parentElement.offsetHeight,ve=f.value;if(!re.value)ve==="top"||ve==="bottom"?ge<V&&(re.value=!0):Ce<ie&&(re.value=!0);else{const{value:O}=b;if(!O)return;ve==="top"||ve==="bottom"?ge-V>O.$el.offsetWidth&&(re.value=!1):Ce-ie>O.$el.offsetHeight&&(re.value=!1)}Ye(s.value?.$el||null)}const Ee=ir(xe,64);function Be(){const{onAdd:v}=e;v&&v()}const Ge=W(!1);function it(){const v=f.value;return(v==="top"||v==="bottom"?s.value?.$el:p.value)||null}function Ye(v,F={instantly:!1}){if(!v)return;const V=F.instantly?C.value:null;V&&V.classList.add("transition-disabled");const ie=1,ge=f.value;if(ge==="top"||ge==="bottom"){const{scrollLeft:Ce,scrollWidth:ve,offsetWidth:O}=v,ee=Math.abs(Ce);u.value=ee<=ie,R.value=ee+O>=ve-ie,Ge.value=O<ve-ie}else{const{scrollTop:Ce,scrollHeight:ve,offsetHeight:O}=v;u.value=Ce<=ie,R.value=Ce+O>=ve-ie,Ge.value=O<ve-ie}V&&(V.offsetWidth,V.classList.remove("transition-disabled"))}const Ie=ir(v=>{Ye(v.target)},64);At(yr,{triggerRef:de(e,"trigger"),tabStyleRef:de(e,"tabStyle"),tabClassRef:de(e,"tabClass"),addTabStyleRef:de(e,"addTabStyle"),addTabClassRef:de(e,"addTabClass"),paneClassRef:de(e,"paneClass"),paneStyleRef:de(e,"paneStyle"),mergedClsPrefixRef:r,typeRef:de(e,"type"),closableRef:de(e,"closable"),valueRef:y,tabChangeIdRef:z,onBeforeLeaveRef:de(e,"onBeforeLeave"),activateTab:te,handleClose:me,handleAdd:Be}),Jo(()=>{oe(),H()}),Pt(()=>{const{value:v}=C;if(!v)return;const{value:F}=r,V=`${F}-tabs-nav-scroll-wrapper--shadow-start`,ie=`${F}-tabs-nav-scroll-wrapper--shadow-end`;u.value?v.classList.remove(V):v.classList.add(V),R.value?v.classList.remove(ie):v.classList.add(ie)});const Oe={syncBarPosition:()=>{oe()},scrollToCurrentTab:()=>{H()}},ft=()=>{fe({transitionDisabled:!0})},st=w(()=>{const{value:v}=E,{type:F}=e,V=`${v}${{card:"Card",bar:"Bar",line:"Line",segment:"Segment"}[F]}`,{self:{barColor:ie,closeIconColor:ge,closeIconColorHover:Ce,closeIconColorPressed:ve,tabColor:O,tabBorderColor:ee,paneTextColor:se,tabFontWeight:he,tabBorderRadius:Me,tabFontWeightActive:We,colorSegment:He,fontWeightStrong:ke,tabColorSegment:$e,closeSize:je,closeIconSize:Qe,closeColorHover:dt,closeColorPressed:ht,closeBorderRadius:et,[ye("panePadding",v)]:ot,[ye("tabPadding",V)]:kt,[ye("tabPaddingVertical",V)]:Ue,[ye("tabGap",V)]:qe,[ye("tabGap",`${V}Vertical`)]:_t,[ye("tabTextColor",F)]:Gt,[ye("tabTextColorActive",F)]:Zt,[ye("tabTextColorHover",F)]:Jt,[ye("tabTextColorDisabled",F)]:Yt,[ye("tabFontSize",v)]:Qt},common:{cubicBezierEaseInOut:er}}=h.value;return{"--n-bezier":er,"--n-color-segment":He,"--n-bar-color":ie,"--n-tab-font-size":Qt,"--n-tab-text-color":Gt,"--n-tab-text-color-active":Zt,"--n-tab-text-color-disabled":Yt,"--n-tab-text-color-hover":Jt,"--n-pane-text-color":se,"--n-tab-border-color":ee,"--n-tab-border-radius":Me,"--n-close-size":je,"--n-close-icon-size":Qe,"--n-close-color-hover":dt,"--n-close-color-pressed":ht,"--n-close-border-radius":et,"--n-close-icon-color":ge,"--n-close-icon-color-hover":Ce,"--n-close-icon-color-pressed":ve,"--n-tab-color":O,"--n-tab-font-weight":he,"--n-tab-font-weight-active":We,"--n-tab-padding":kt,"--n-tab-padding-vertical":Ue,"--n-tab-gap":qe,"--n-tab-gap-vertical":_t,"--n-pane-padding-left":Et(ot,"left"),"--n-pane-padding-right":Et(ot,"right"),"--n-pane-padding-top":Et(ot,"top"),"--n-pane-padding-bottom":Et(ot,"bottom"),"--n-font-weight-strong":ke,"--n-tab-color-segment":$e}}),Ve=a?Ct("tabs",w(()=>`${E.value[0]}${e.type[0]}`),st,e):void 0;return{mergedClsPrefix:r,mergedValue:y,renderedNames:new Set,segmentCapsuleElRef:I,tabsPaneWrapperRef:G,tabsElRef:c,selfElRef:g,barElRef:x,addTabInstRef:b,xScrollInstRef:s,scrollWrapperElRef:C,addTabFixed:re,tabWrapperStyle:X,handleNavResize:De,mergedSize:E,handleScroll:Ie,handleTabsResize:Ee,cssVars:a?void 0:st,themeClass:Ve?.themeClass,animationDirection:K,renderNameListRef:P,yScrollElRef:p,handleSegmentResize:ft,onAnimationBeforeLeave:ue,onAnimationEnter:pe,onAnimationAfterEnter:we,onRender:Ve?.onRender,startReachedRef:u,endReachedRef:R,isOverflow:Ge,handleButtonClick:Se,mergedTheme:h,rtlEnabled:d,mergedPlacement:f,...Oe}},render(){const{mergedClsPrefix:e,type:t,mergedPlacement:r,addTabFixed:a,addable:n,mergedSize:l,renderNameListRef:d,onRender:f,paneWrapperClass:h,paneWrapperStyle:c,startReachedRef:g,endReachedRef:x,isOverflow:C,showScrollButton:b,handleButtonClick:s,mergedTheme:p,rtlEnabled:u,$slots:{default:R,prefix:T,suffix:E}}=this;f?.();const N=R?Dt(R()).filter(A=>A.type.__TAB_PANE__===!0):[],_=R?Dt(R()).filter(A=>A.type.__TAB__===!0):[],y=!_.length,z=t==="card",X=t==="segment",q=!z&&!X&&this.justifyContent;d.value=[];const ae=()=>{const A=(o(),m("div",{style:Re(this.tabWrapperStyle),class:M(`${e}-tabs-wrapper`)},[q?S(()=>null):(o(),m("div",{key:1,class:M(`${e}-tabs-scroll-padding`),style:Re(r==="top"||r==="bottom"?{width:`${this.tabsPadding}px`}:{height:`${this.tabsPadding}px`})},null,6)),y?(o(),m(ce,{key:2},[S(()=>N.map((oe,D)=>(d.value.push(oe.props.name),sr((o(),$(hr,Te(oe.props,{internalCreatedByPane:!0,internalLeftPadded:D!==0&&(!q||q==="center"||q==="start"||q==="end")}),Cr(oe.children?{default:oe.children.tab}:void 0),1040,["internalLeftPadded"]))))))],64)):(o(),m(ce,{key:3},[S(()=>_.map((oe,D)=>(d.value.push(oe.props.name),sr(D!==0&&!q?Yr(oe):oe))))],64)),!a&&n&&z?(o(),m(ce,{key:4},[S(()=>Jr(n,(y?N.length:_.length)!==0))],64)):S(()=>null),q?S(()=>null):(o(),m("div",{key:7,class:M(`${e}-tabs-scroll-padding`),style:Re({width:`${this.tabsPadding}px`})},null,6)),z?S(()=>null):(o(),m("div",{key:9,ref:"barElRef",class:M(`${e}-tabs-bar`)},null,2))],6));return o(),m("div",{ref:"tabsElRef",class:M(`${e}-tabs-nav-scroll-content`)},[z&&n?(o(),$(rr,{key:0,onResize:this.handleTabsResize},{default:()=>A},1032,["onResize"])):(o(),m(ce,{key:1},[S(()=>A)],64)),z?(o(),m("div",{key:2,class:M(`${e}-tabs-pad`)},null,2)):S(()=>null)],2)},ne=X?"top":r;return o(),m("div",{ref:"selfElRef",class:M([`${e}-tabs`,this.themeClass,`${e}-tabs--${t}-type`,`${e}-tabs--${l}-size`,q&&`${e}-tabs--flex`,`${e}-tabs--${ne}`,u&&`${e}-tabs--rtl`]),style:Re(this.cssVars)},[U("div",{class:M([`${e}-tabs-nav--${t}-type`,`${e}-tabs-nav--${ne}`,`${e}-tabs-nav`])},[S(()=>gt(T,A=>A&&(o(),m("div",{class:M(`${e}-tabs-nav__prefix`)},[S(()=>A)],2)))),X?(o(),$(rr,{key:0,onResize:this.handleSegmentResize},{default:()=>(o(),m("div",{class:M(`${e}-tabs-rail`),ref:"tabsElRef"},[U("div",{class:M(`${e}-tabs-capsule`),ref:"segmentCapsuleElRef"},[U("div",{class:M(`${e}-tabs-wrapper`)},[U("div",{class:M(`${e}-tabs-tab`)},null,2)],2)],2),y?(o(),m(ce,{key:0},[S(()=>N.map((A,oe)=>(d.value.push(A.props.name),o(),$(hr,Te(A.props,{internalCreatedByPane:!0,internalLeftPadded:oe!==0}),Cr(A.children?{default:A.children.tab}:void 0),1040,["internalLeftPadded"]))))],64)):(o(),m(ce,{key:1},[S(()=>_.map((A,oe)=>(d.value.push(A.props.name),oe===0?A:Yr(A))))],64))],2))},1032,["onResize"])):(o(),m(ce,{key:1},[S(()=>b&&C&&(o(),$(Gr,{mergedClsPrefix:e,type:"prev",vertical:ne==="left"||ne==="right",disabled:g,rtl:!!u,theme:p.peers.Button,themeOverrides:p.peerOverrides.Button,onClick:s},null,8,["mergedClsPrefix","vertical","disabled","rtl","theme","themeOverrides","onClick"]))),(o(),$(rr,{onResize:this.handleNavResize},{default:()=>(o(),m("div",{class:M(`${e}-tabs-nav-scroll-wrapper`),ref:"scrollWrapperElRef"},[["top","bottom"].includes(ne)?(o(),$(Cn,{key:0,ref:"xScrollInstRef",onScroll:this.handleScroll},{default:ae},1032,["onScroll"])):(o(),m("div",{key:1,class:M(`${e}-tabs-nav-y-scroll`),onScroll:this.handleScroll,ref:"yScrollElRef"},[S(()=>ae())],42,["onScroll"]))],2))},1032,["onResize"])),S(()=>b&&C&&(o(),$(Gr,{mergedClsPrefix:e,type:"next",vertical:ne==="left"||ne==="right",disabled:x,rtl:!!u,theme:p.peers.Button,themeOverrides:p.peerOverrides.Button,onClick:s},null,8,["mergedClsPrefix","vertical","disabled","rtl","theme","themeOverrides","onClick"])))],64)),a&&n&&z?(o(),m(ce,{key:2},[S(()=>Jr(n,!0))],64)):S(()=>null),S(()=>gt(E,A=>A&&(o(),m("div",{class:M(`${e}-tabs-nav__suffix`)},[S(()=>A)],2))))],2),S(()=>y&&(this.animated&&(ne==="top"||ne==="bottom")?(o(),m("div",{key:1,ref:"tabsPaneWrapperRef",style:Re(c),class:M([`${e}-tabs-pane-wrapper`,h])},[S(()=>Zr(N,this.mergedValue,this.renderedNames,this.onAnimationBeforeLeave,this.onAnimationEnter,this.onAnimationAfterEnter,this.animationDirection))],6)):Zr(N,this.mergedValue,this.renderedNames)))],6)}});function Zr(e,t,r,a,n,l,d){const f=[];return e.forEach(h=>{const{name:c,displayDirective:g,"display-directive":x}=h.props,C=s=>g===s||x===s,b=t===c;if(h.key!==void 0&&(h.key=c),b||C("show")||C("show:lazy")&&r.has(c)){r.has(c)||r.add(c);const s=!C("if");f.push(s?Ao(h,[[Lo,b]]):h)}}),d?(o(),$(Eo,{name:`${d}-transition`,onBeforeLeave:a,onEnter:n,onAfterEnter:l},{default:()=>f},1032,["name","onBeforeLeave","onEnter","onAfterEnter"])):f}function Jr(e,t){return o(),$(hr,{ref:"addTabInstRef",key:"__addable",name:"__addable",internalCreatedByPane:!0,internalAddable:!0,internalLeftPadded:t,disabled:typeof e=="object"&&e.disabled},null,8,["internalLeftPadded","disabled"])}function Yr(e){const t=Io(e);return t.props?t.props.internalLeftPadded=!0:t.props={internalLeftPadded:!0},t}function sr(e){return Array.isArray(e.dynamicProps)?e.dynamicProps.includes("internalLeftPadded")||e.dynamicProps.push("internalLeftPadded"):e.dynamicProps=["internalLeftPadded"],e}function La(){const e=Ne(ba,null);return w(()=>{if(e===null)return kr;const{mergedThemeRef:{value:t},mergedThemeOverridesRef:{value:r}}=e,a=t?.common||kr;return r?.common?Object.assign({},a,r.common):a})}const Qr=le({__name:"CopyField",props:{value:{},label:{},test:{}},setup(e){const t=e,{t:r}=Wt(),a=Ma();async function n(){try{await navigator.clipboard.writeText(t.value),a.success(r("common.copied"))}catch{a.error(r("common.copyFailed"))}}return(l,d)=>(o(),$(B(Rn),null,{default:Ae(()=>[be(B(Kt),{value:e.value,readonly:"","aria-label":e.label,"input-props":{name:e.test??""}},null,8,["value","aria-label","input-props"]),be(B(Bt),{type:"primary",secondary:"","aria-label":B(r)("common.copy")+": "+e.label,onClick:n},{default:Ae(()=>[jt(Ze(B(r)("common.copy")),1)]),_:1},8,["aria-label"])]),_:1}))}}),pi={class:"cb"},vi=le({__name:"CodeBlock",props:{code:{},wrap:{type:Boolean}},setup(e){const t=e,{t:r}=Wt(),a=Ma(),n=La();async function l(){try{await navigator.clipboard.writeText(t.code),a.success(r("common.copied"))}catch{a.error(r("common.copyFailed"))}}return(d,f)=>(o(),m("div",pi,[U("pre",{class:Oo(["code",{wrap:e.wrap}]),style:Re({background:B(n).actionColor,border:"1px solid "+B(n).borderColor})},Ze(e.code),7),be(B(Bt),{class:"copy",size:"tiny",secondary:"",onClick:l},{default:Ae(()=>[jt(Ze(B(r)("common.copy")),1)]),_:1})]))}}),mi=qt(vi,[["__scopeId","data-v-cc6204e9"]]),gi={key:0,class:"muted sub"},yi=le({__name:"StatCard",props:{label:{},value:{},sub:{}},setup(e){return(t,r)=>(o(),$(B(ct),{size:"small"},{default:Ae(()=>[be(B(si),{label:e.label,value:e.value},null,8,["label","value"]),e.sub?(o(),m("div",gi,Ze(e.sub),1)):mt("",!0)]),_:1}))}}),wt=qt(yi,[["__scopeId","data-v-aa21786d"]]),xi=["data-test"],Ci={class:"row cap"},ki={class:"muted"},wi=["viewBox","aria-label"],Ri=["y1","y2","stroke"],Si=["d","fill"],zi=["d","stroke"],Ot=600,Pi=le({__name:"LineChart",props:{points:{},label:{},format:{type:Function},height:{},test:{}},setup(e){const t=e,r=w(()=>t.height??120),a=La(),n=w(()=>rn(t.points,Ot,r.value-4)),l=w(()=>n.value.d?`${n.value.d} L${Ot},${r.value} L0,${r.value} Z`:""),d=w(()=>t.points.length?t.points[t.points.length-1].v:0),f=h=>t.format?t.format(h):String(Math.round(h*100)/100);return(h,c)=>(o(),m("figure",{class:"chart","data-test":e.test},[U("figcaption",Ci,[U("span",null,Ze(e.label),1),U("span",ki,"▲ "+Ze(f(n.value.max))+" · "+Ze(f(d.value)),1)]),(o(),m("svg",{viewBox:`0 0 ${Ot} ${r.value}`,preserveAspectRatio:"none",role:"img","aria-label":e.label+": "+f(d.value),style:Re({height:r.value+"px"})},[U("line",{x1:"0",y1:r.value-.5,x2:Ot,y2:r.value-.5,stroke:B(a).borderColor},null,8,Ri),l.value?(o(),m("path",{key:0,d:l.value,fill:B(a).primaryColor,"fill-opacity":"0.15"},null,8,Si)):mt("",!0),n.value.d?(o(),m("path",{key:1,d:n.value.d,fill:"none",stroke:B(a).primaryColor,"stroke-width":"2","vector-effect":"non-scaling-stroke"},null,8,zi)):mt("",!0)],12,wi))],8,xi))}}),dr=qt(Pi,[["__scopeId","data-v-55ef9661"]]),_i=le({__name:"Unavailable",props:{what:{}},setup(e){const{t}=Wt();return(r,a)=>(o(),$(B(Qo),{type:"info","data-test":"unavailable"},{default:Ae(()=>[jt(Ze(B(t)("common.unavailable",{what:e.what})),1)]),_:1}))}});function Rt(e){return"'"+e.replace(/'/g,"'\\''")+"'"}function St(e){return JSON.stringify(e)}function Fi(e,t){switch(e){case"openai":return["from openai import OpenAI","",`client = OpenAI(base_url=${St(t.openaiBase)}, api_key=${St(t.key)})`,"r = client.chat.completions.create(",`    model=${St(t.model)},`,'    messages=[{"role": "user", "content": "Hello"}],',")","print(r.choices[0].message.content)"].join(`
`);case"anthropic":return["import anthropic","",`client = anthropic.Anthropic(base_url=${St(t.anthropicBase)}, api_key=${St(t.key)})`,"r = client.messages.create(",`    model=${St(t.model)},`,"    max_tokens=1024,",'    messages=[{"role": "user", "content": "Hello"}],',")","print(r.content[0].text)"].join(`
`);case"claude":return[`export ANTHROPIC_BASE_URL=${Rt(t.anthropicBase)}`,`export ANTHROPIC_AUTH_TOKEN=${Rt(t.key)}`,`export ANTHROPIC_MODEL=${Rt(t.model)}`,"claude"].join(`
`);case"curl":return[`curl ${Rt(t.openaiBase.replace(/\/+$/,"")+"/chat/completions")} \\`,`  -H ${Rt("Authorization: Bearer "+t.key)} \\`,"  -H 'Content-Type: application/json' \\",`  -d ${Rt(JSON.stringify({model:t.model,messages:[{role:"user",content:"Hello"}]}))}`].join(`
`)}}function $i(e){const t=e.replace(/\/+$/,"");return{openai:t+"/v1",anthropic:t}}function ea(e,t="en"){return e==null||!Number.isFinite(e)?"—":new Intl.NumberFormat(t).format(Math.round(e))}function Ut(e,t="en"){return e==null||!Number.isFinite(e)?"—":new Intl.NumberFormat(t,{notation:"compact",maximumFractionDigits:1}).format(e)}function $t(e){return e==null||!Number.isFinite(e)?"—":e<1?e.toFixed(2)+" ms":e<1e3?Math.round(e)+" ms":e<6e4?(e/1e3).toFixed(e<1e4?2:1)+" s":(e/6e4).toFixed(1)+" min"}function ta(e){return e==null||!Number.isFinite(e)?"—":e===0?"$0":e<.01?"$"+e.toFixed(4):"$"+e.toFixed(2)}function ra(e){if(e==null||!Number.isFinite(e))return"—";const t=e*100;return(t<10&&t>0?t.toFixed(1):Math.round(t).toString())+"%"}function Ti(e,t="en"){return new Intl.DateTimeFormat(t,{hour:"2-digit",minute:"2-digit",second:"2-digit",hour12:!1}).format(new Date(e))}function Bi(e){const t=Math.floor(e/86400),r=Math.floor(e%86400/3600),a=Math.floor(e%3600/60);return t?`${t}d ${r}h`:r?`${r}h ${a}m`:`${a}m ${e%60}s`}function Mi(e){return e>=200&&e<300?"success":e>=400&&e<500?"warning":"error"}const Ai={class:"stack"},Li={class:"row head"},Ei={key:0,class:"muted"},Ii={class:"grid-2"},Oi={class:"lbl"},Ui={class:"lbl"},Ni={class:"lbl top"},Di={key:1,class:"grid-cards","data-test":"figures"},Hi={class:"grid-2"},Ki={class:"table-wrap"},Vi={key:2,class:"grid-2"},Wi={class:"table-wrap"},ji={class:"table-wrap"},qi={class:"table-wrap"},Xi={class:"table-wrap"},Gi=le({__name:"DashboardView",setup(e){const{t}=Wt(),r=Uo(),a=an(),n=No(),l=$r(()=>wr.get("/api/info")),d=$r(()=>wr.get("/api/dashboard"+Ho({since_ms:Date.now()-864e5}))),f=W(""),h=[{kind:"openai",label:"dashboard.openaiSdk"},{kind:"anthropic",label:"dashboard.anthropicSdk"},{kind:"claude",label:"dashboard.claudeCode"},{kind:"curl",label:"dashboard.curl"}];va(()=>{l.reload(),r.isAdmin&&d.reload()});let c=0;bt(()=>a.tick,()=>{!r.isAdmin||Date.now()-c<1e4||(c=Date.now(),d.reload())});const g=w(()=>{const _=$i(location.origin);return{openai:l.data.value?.openai_base_url??_.openai,anthropic:l.data.value?.anthropic_base_url??_.anthropic}}),x=w(()=>d.data.value?.by_model[0]?.group||"gpt-4o-mini"),C=w(()=>({openaiBase:g.value.openai,anthropicBase:g.value.anthropic,key:f.value.trim()||"mr-…",model:x.value})),b=w(()=>d.data.value?.total),s=w(()=>n.locale==="zh"?"zh-CN":"en"),p=w(()=>(a.tick,a.requests.points(Date.now()))),u=w(()=>(a.tick,a.latency.points(Date.now(),"avg"))),R=w(()=>(d.data.value?.series??[]).map(_=>({t:Number(_.group)*1e3,v:_.requests}))),T=_=>[{title:_,key:"group",ellipsis:{tooltip:!0}},{title:t("dashboard.requests"),key:"requests",render:y=>ea(y.requests,s.value)},{title:t("dashboard.errorRate"),key:"errors",render:y=>ra(y.requests?y.errors/y.requests:0)},{title:t("dashboard.tokensIn"),key:"input_tokens",render:y=>Ut(y.input_tokens,s.value)},{title:t("dashboard.tokensOut"),key:"output_tokens",render:y=>Ut(y.output_tokens,s.value)},{title:t("dashboard.ttfb"),key:"ttfb_ms_p50",render:y=>$t(y.ttfb_ms_p50)},{title:t("dashboard.cost"),key:"cost_usd",render:y=>ta(y.cost_usd)}],E=w(()=>[{title:t("logs.time"),key:"started_at_ms",render:_=>Ti(_.started_at_ms,s.value)},{title:t("logs.model"),key:"requested_model",ellipsis:{tooltip:!0}},{title:t("logs.provider"),key:"provider"},{title:t("logs.status"),key:"status"},{title:t("logs.latency"),key:"latency_ms",render:_=>$t(_.latency_ms)}]),N=_=>"status-"+Mi(_.status);return(_,y)=>(o(),m("div",Ai,[U("div",Li,[U("h1",null,Ze(B(t)("dashboard.title")),1),B(l).data.value?(o(),m("span",Ei,Ze(B(t)("dashboard.version",{v:B(l).data.value.version}))+" · "+Ze(B(t)("dashboard.uptime",{t:B(Bi)(B(l).data.value.uptime_secs)})),1)):mt("",!0)]),be(B(ct),{title:B(t)("dashboard.baseUrls"),size:"small"},{default:Ae(()=>[U("div",Ii,[U("div",null,[U("div",Oi,Ze(B(t)("dashboard.openaiBase")),1),be(Qr,{value:g.value.openai,label:B(t)("dashboard.openaiBase"),test:"openai-base"},null,8,["value","label"])]),U("div",null,[U("div",Ui,Ze(B(t)("dashboard.anthropicBase")),1),be(Qr,{value:g.value.anthropic,label:B(t)("dashboard.anthropicBase"),test:"anthropic-base"},null,8,["value","label"])])]),U("div",Ni,Ze(B(t)("dashboard.snippetKey")),1),be(B(Kt),{value:f.value,"onUpdate:value":y[0]||(y[0]=z=>f.value=z),type:"password","show-password-on":"click",placeholder:B(t)("dashboard.snippetKeyHint"),"input-props":{autocomplete:"off","aria-label":B(t)("dashboard.snippetKey")}},null,8,["value","placeholder","input-props"]),be(B(bi),{type:"line",class:"top","aria-label":B(t)("dashboard.snippets")},{default:Ae(()=>[(o(),m(ce,null,Do(h,z=>be(B(di),{key:z.kind,name:z.kind,tab:B(t)(z.label)},{default:Ae(()=>[be(mi,{code:B(Fi)(z.kind,C.value)},null,8,["code"])]),_:2},1032,["name","tab"])),64))]),_:1},8,["aria-label"])]),_:1},8,["title"]),B(r).isAdmin?(o(),m(ce,{key:0},[B(d).unavailable.value?(o(),$(_i,{key:0,what:"/api/dashboard"})):(o(),m("div",Di,[be(wt,{label:B(t)("dashboard.requests"),value:B(ea)(b.value?.requests,s.value),sub:B(t)("dashboard.last24h")},null,8,["label","value","sub"]),be(wt,{label:B(t)("dashboard.errorRate"),value:B(ra)(B(d).data.value?.error_rate)},null,8,["label","value"]),be(wt,{label:B(t)("dashboard.tokensIn"),value:B(Ut)(b.value?.input_tokens,s.value)},null,8,["label","value"]),be(wt,{label:B(t)("dashboard.tokensOut"),value:B(Ut)(b.value?.output_tokens,s.value)},null,8,["label","value"]),be(wt,{label:B(t)("dashboard.cost"),value:B(ta)(b.value?.cost_usd)},null,8,["label","value"]),be(wt,{label:B(t)("dashboard.latency"),value:B($t)(b.value?.latency_ms_p50),sub:B(t)("dashboard.latencyP")+": "+[b.value?.latency_ms_p50,b.value?.latency_ms_p90,b.value?.latency_ms_p99].map(B($t)).join(" / ")},null,8,["label","value","sub"])]))],64)):mt("",!0),U("div",Hi,[be(B(ct),{size:"small"},{default:Ae(()=>[be(dr,{points:p.value,label:B(t)("dashboard.liveRequests"),test:"chart-live-requests"},null,8,["points","label"])]),_:1}),be(B(ct),{size:"small"},{default:Ae(()=>[be(dr,{points:u.value,label:B(t)("dashboard.liveLatency"),format:B($t)},null,8,["points","label","format"])]),_:1})]),B(r).isAdmin&&R.value.length?(o(),$(B(ct),{key:1,size:"small"},{default:Ae(()=>[be(dr,{points:R.value,label:B(t)("dashboard.hourly")},null,8,["points","label"])]),_:1})):mt("",!0),be(B(ct),{title:B(t)("dashboard.recent"),size:"small"},{default:Ae(()=>[U("div",Ki,[be(B(Ft),{size:"small",columns:E.value,data:B(a).recent.slice(0,10),"row-class-name":N,"row-key":z=>String(z.id),"data-test":"recent-table"},null,8,["columns","data","row-key"])])]),_:1},8,["title"]),B(r).isAdmin&&B(d).data.value?(o(),m("div",Vi,[be(B(ct),{title:B(t)("dashboard.byModel"),size:"small"},{default:Ae(()=>[U("div",Wi,[be(B(Ft),{size:"small",columns:T(B(t)("dashboard.model")),data:B(d).data.value.by_model},null,8,["columns","data"])])]),_:1},8,["title"]),be(B(ct),{title:B(t)("dashboard.byProvider"),size:"small"},{default:Ae(()=>[U("div",ji,[be(B(Ft),{size:"small",columns:T(B(t)("dashboard.provider")),data:B(d).data.value.by_provider},null,8,["columns","data"])])]),_:1},8,["title"]),be(B(ct),{title:B(t)("dashboard.byKey"),size:"small"},{default:Ae(()=>[U("div",qi,[be(B(Ft),{size:"small",columns:T(B(t)("keys.title")),data:B(d).data.value.by_key},null,8,["columns","data"])])]),_:1},8,["title"]),be(B(ct),{title:B(t)("dashboard.byUser"),size:"small"},{default:Ae(()=>[U("div",Xi,[be(B(Ft),{size:"small",columns:T(B(t)("keys.user")),data:B(d).data.value.by_user},null,8,["columns","data"])])]),_:1},8,["title"])])):mt("",!0),B(d).error.value?(o(),$(B(Yo),{key:3,type:"error"},{default:Ae(()=>[jt(Ze(B(d).error.value),1)]),_:1})):mt("",!0)]))}}),es=qt(Gi,[["__scopeId","data-v-baf56d8d"]]);export{es as default};
