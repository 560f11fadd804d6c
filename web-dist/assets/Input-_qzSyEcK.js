import{e as ee,al as $e,h as y,ah as br,c as p,b as l,a0 as S,d as k,a as L,U as he,H as m,O as mr,o as i,f as v,g as h,bD as xr,n as f,m as P,u as Ee,z as R,S as yr,L as Ce,i as J,j as wr,cB as Cr,b1 as zr,b8 as Sr,an as ze,r as Ar,bF as Rr,R as Se,Q as kr,l as Fr,aS as Ae,b7 as Re,a7 as x,bg as ke,aQ as q,F as ce,ar as Br,b2 as ue,aj as Fe,bx as Pr,aJ as de,aT as _r,aa as Be,Y as $r}from"./index-0AYua6BM.js";import{u as Er,a as Pe,S as Ir}from"./Suffix-DRYQ0bC9.js";import{u as Tr}from"./_plugin-vue_export-helper-xv-J9KQq.js";var Mr=ee({name:"Eye",render(){return(()=>{const o=$e("ae479a1970012861");return o[0]||(o[0]=y("svg",{xmlns:"http://www.w3.org/2000/svg",viewBox:"0 0 512 512"},[y("path",{d:"M255.66 112c-77.94 0-157.89 45.11-220.83 135.33a16 16 0 0 0-.27 17.77C82.92 340.8 161.8 400 255.66 400c92.84 0 173.34-59.38 221.79-135.25a16.14 16.14 0 0 0 0-17.47C428.89 172.28 347.8 112 255.66 112z",fill:"none",stroke:"currentColor","stroke-linecap":"round","stroke-linejoin":"round","stroke-width":"32"}),y("circle",{cx:"256",cy:"256",r:"80",fill:"none",stroke:"currentColor","stroke-miterlimit":"10","stroke-width":"32"})],-1))})()}}),Vr=ee({name:"EyeOff",render(){return(()=>{const o=$e("2c06203b450ce879");return o[0]||(o[0]=y("svg",{xmlns:"http://www.w3.org/2000/svg",viewBox:"0 0 512 512"},[y("path",{d:"M432 448a15.92 15.92 0 0 1-11.31-4.69l-352-352a16 16 0 0 1 22.62-22.62l352 352A16 16 0 0 1 432 448z",fill:"currentColor"}),y("path",{d:"M255.66 384c-41.49 0-81.5-12.28-118.92-36.5c-34.07-22-64.74-53.51-88.7-91v-.08c19.94-28.57 41.78-52.73 65.24-72.21a2 2 0 0 0 .14-2.94L93.5 161.38a2 2 0 0 0-2.71-.12c-24.92 21-48.05 46.76-69.08 76.92a31.92 31.92 0 0 0-.64 35.54c26.41 41.33 60.4 76.14 98.28 100.65C162 402 207.9 416 255.66 416a239.13 239.13 0 0 0 75.8-12.58a2 2 0 0 0 .77-3.31l-21.58-21.58a4 4 0 0 0-3.83-1a204.8 204.8 0 0 1-51.16 6.47z",fill:"currentColor"}),y("path",{d:"M490.84 238.6c-26.46-40.92-60.79-75.68-99.27-100.53C349 110.55 302 96 255.66 96a227.34 227.34 0 0 0-74.89 12.83a2 2 0 0 0-.75 3.31l21.55 21.55a4 4 0 0 0 3.88 1a192.82 192.82 0 0 1 50.21-6.69c40.69 0 80.58 12.43 118.55 37c34.71 22.4 65.74 53.88 89.76 91a.13.13 0 0 1 0 .16a310.72 310.72 0 0 1-64.12 72.73a2 2 0 0 0-.15 2.95l19.9 19.89a2 2 0 0 0 2.7.13a343.49 343.49 0 0 0 68.64-78.48a32.2 32.2 0 0 0-.1-34.78z",fill:"currentColor"}),y("path",{d:"M256 160a95.88 95.88 0 0 0-21.37 2.4a2 2 0 0 0-1 3.38l112.59 112.56a2 2 0 0 0 3.38-1A96 96 0 0 0 256 160z",fill:"currentColor"}),y("path",{d:"M165.78 233.66a2 2 0 0 0-3.38 1a96 96 0 0 0 115 115a2 2 0 0 0 1-3.38z",fill:"currentColor"})],-1))})()}});const Ie=br("n-input");var Wr=p("input",`
 max-width: 100%;
 cursor: text;
 line-height: 1.5;
 z-index: auto;
 outline: none;
 box-sizing: border-box;
 position: relative;
 display: inline-flex;
 border-radius: var(--n-border-radius);
 background-color: var(--n-color);
 transition: background-color .3s var(--n-bezier);
 font-size: var(--n-font-size);
 font-weight: var(--n-font-weight);
 --n-padding-vertical: calc((var(--n-height) - 1.5 * var(--n-font-size)) / 2);
`,[l("input, textarea",`
 overflow: hidden;
 flex-grow: 1;
 position: relative;
 `),l("input-el, textarea-el, input-mirror, textarea-mirror, separator, placeholder",`
 box-sizing: border-box;
 font-size: inherit;
 line-height: 1.5;
 font-family: inherit;
 border: none;
 outline: none;
 background-color: #0000;
 text-align: inherit;
 transition:
 -webkit-text-fill-color .3s var(--n-bezier),
 caret-color .3s var(--n-bezier),
 color .3s var(--n-bezier),
 text-decoration-color .3s var(--n-bezier);
 `),l("input-el, textarea-el",`
 -webkit-appearance: none;
 scrollbar-width: none;
 width: 100%;
 min-width: 0;
 text-decoration-color: var(--n-text-decoration-color);
 color: var(--n-text-color);
 caret-color: var(--n-caret-color);
 background-color: transparent;
 `,[S("&::-webkit-scrollbar, &::-webkit-scrollbar-track-piece, &::-webkit-scrollbar-thumb",`
 width: 0;
 height: 0;
 display: none;
 `),S("&::placeholder",`
 color: #0000;
 -webkit-text-fill-color: transparent !important;
 `),S("&:-webkit-autofill ~",[l("placeholder","display: none;")])]),k("round",[L("textarea","border-radius: calc(var(--n-height) / 2);")]),l("placeholder",`
 pointer-events: none;
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 overflow: hidden;
 color: var(--n-placeholder-color);
 `,[S("span",`
 width: 100%;
 display: inline-block;
 `)]),k("textarea",[l("placeholder","overflow: visible;")]),L("autosize","width: 100%;"),k("autosize",[l("textarea-el, input-el",`
 position: absolute;
 top: 0;
 left: 0;
 height: 100%;
 `)]),p("input-wrapper",`
 overflow: hidden;
 display: inline-flex;
 flex-grow: 1;
 position: relative;
 padding-left: var(--n-padding-left);
 padding-right: var(--n-padding-right);
 `),l("input-mirror",`
 padding: 0;
 height: var(--n-height);
 line-height: var(--n-height);
 overflow: hidden;
 visibility: hidden;
 position: static;
 white-space: pre;
 pointer-events: none;
 `),l("input-el",`
 padding: 0;
 height: var(--n-height);
 line-height: var(--n-height);
 `,[S("&[type=password]::-ms-reveal","display: none;"),S("+",[l("placeholder",`
 display: flex;
 align-items: center; 
 `)])]),L("textarea",[l("placeholder","white-space: nowrap;")]),l("eye",`
 display: flex;
 align-items: center;
 justify-content: center;
 transition: color .3s var(--n-bezier);
 `),k("textarea","width: 100%;",[p("input-word-count",`
 position: absolute;
 right: var(--n-padding-right);
 bottom: var(--n-padding-vertical);
 `),k("resizable",[p("input-wrapper",`
 resize: vertical;
 min-height: var(--n-height);
 `)]),l("textarea-el, textarea-mirror, placeholder",`
 height: 100%;
 padding-left: 0;
 padding-right: 0;
 padding-top: var(--n-padding-vertical);
 padding-bottom: var(--n-padding-vertical);
 word-break: break-word;
 display: inline-block;
 vertical-align: bottom;
 box-sizing: border-box;
 line-height: var(--n-line-height-textarea);
 margin: 0;
 resize: none;
 white-space: pre-wrap;
 scroll-padding-block-end: var(--n-padding-vertical);
 `),l("textarea-mirror",`
 width: 100%;
 pointer-events: none;
 overflow: hidden;
 visibility: hidden;
 position: static;
 white-space: pre-wrap;
 overflow-wrap: break-word;
 `)]),k("pair",[l("input-el, placeholder","text-align: center;"),l("separator",`
 display: flex;
 align-items: center;
 transition: color .3s var(--n-bezier);
 color: var(--n-text-color);
 white-space: nowrap;
 `,[p("icon",`
 color: var(--n-icon-color);
 `),p("base-icon",`
 color: var(--n-icon-color);
 `)])]),k("disabled",`
 cursor: not-allowed;
 background-color: var(--n-color-disabled);
 `,[l("border","border: var(--n-border-disabled);"),l("input-el, textarea-el",`
 cursor: not-allowed;
 color: var(--n-text-color-disabled);
 text-decoration-color: var(--n-text-color-disabled);
 `),l("placeholder","color: var(--n-placeholder-color-disabled);"),l("separator","color: var(--n-text-color-disabled);",[p("icon",`
 color: var(--n-icon-color-disabled);
 `),p("base-icon",`
 color: var(--n-icon-color-disabled);
 `)]),p("input-word-count",`
 color: var(--n-count-text-color-disabled);
 `),l("suffix, prefix","color: var(--n-text-color-disabled);",[p("icon",`
 color: var(--n-icon-color-disabled);
 `),p("internal-icon",`
 color: var(--n-icon-color-disabled);
 `)])]),L("disabled",[l("eye",`
 color: var(--n-icon-color);
 cursor: pointer;
 `,[S("&:hover",`
 color: var(--n-icon-color-hover);
 `),S("&:active",`
 color: var(--n-icon-color-pressed);
 `)]),S("&:hover","background-color: var(--n-color-hover);",[l("state-border","border: var(--n-border-hover);")]),k("focus","background-color: var(--n-color-focus);",[l("state-border",`
 border: var(--n-border-focus);
 box-shadow: var(--n-box-shadow-focus);
 `)])]),l("border, state-border",`
 box-sizing: border-box;
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 pointer-events: none;
 border-radius: inherit;
 border: var(--n-border);
 transition:
 box-shadow .3s var(--n-bezier),
 border-color .3s var(--n-bezier);
 `),l("state-border",`
 border-color: #0000;
 z-index: 1;
 `),l("prefix","margin-right: 4px;"),l("suffix",`
 margin-left: 4px;
 `),l("suffix, prefix",`
 transition: color .3s var(--n-bezier);
 flex-wrap: nowrap;
 flex-shrink: 0;
 line-height: var(--n-height);
 white-space: nowrap;
 display: inline-flex;
 align-items: center;
 justify-content: center;
 color: var(--n-suffix-text-color);
 `,[p("base-loading",`
 font-size: var(--n-icon-size);
 margin: 0 2px;
 color: var(--n-loading-color);
 `),p("base-clear",`
 font-size: var(--n-icon-size);
 `,[l("placeholder",[p("base-icon",`
 transition: color .3s var(--n-bezier);
 color: var(--n-icon-color);
 font-size: var(--n-icon-size);
 `)])]),S(">",[p("icon",`
 transition: color .3s var(--n-bezier);
 color: var(--n-icon-color);
 font-size: var(--n-icon-size);
 `)]),p("base-icon",`
 font-size: var(--n-icon-size);
 `)]),p("input-word-count",`
 pointer-events: none;
 line-height: 1.5;
 font-size: .85em;
 color: var(--n-count-text-color);
 transition: color .3s var(--n-bezier);
 margin-left: 4px;
 font-variant: tabular-nums;
 `),["warning","error"].map(o=>k(`${o}-status`,[L("disabled",[p("base-loading",`
 color: var(--n-loading-color-${o})
 `),l("input-el, textarea-el",`
 caret-color: var(--n-caret-color-${o});
 `),l("state-border",`
 border: var(--n-border-${o});
 `),S("&:hover",[l("state-border",`
 border: var(--n-border-hover-${o});
 `)]),S("&:focus",`
 background-color: var(--n-color-focus-${o});
 `,[l("state-border",`
 box-shadow: var(--n-box-shadow-focus-${o});
 border: var(--n-border-focus-${o});
 `)]),k("focus",`
 background-color: var(--n-color-focus-${o});
 `,[l("state-border",`
 box-shadow: var(--n-box-shadow-focus-${o});
 border: var(--n-border-focus-${o});
 `)])])]))]);const Dr=p("input",[k("disabled",[l("input-el, textarea-el",`
 -webkit-text-fill-color: var(--n-text-color-disabled);
 `)])]);function Or(o){let g=0;for(const F of o)g++;return g}function Z(o){return o===""||o==null}function Hr(o){const g=m(null);function F(){const{value:A}=o;if(!A?.focus){w();return}const{selectionStart:u,selectionEnd:t,value:a}=A;if(u==null||t==null){w();return}g.value={start:u,end:t,beforeText:a.slice(0,u),afterText:a.slice(t)}}function C(){const{value:A}=g,{value:u}=o;if(!A||!u)return;const{value:t}=u,{start:a,beforeText:z,afterText:O}=A;let b=t.length;if(t.endsWith(O))b=t.length-O.length;else if(t.startsWith(z))b=z.length;else{const T=z[a-1],_=t.indexOf(T,a-1);_!==-1&&(b=_+1)}u.setSelectionRange?.(b,b)}function w(){g.value=null}return he(o,w),{recordCursor:F,restoreCursor:C}}var _e=ee({name:"InputWordCount",setup(o,{slots:g}){const{mergedValueRef:F,maxlengthRef:C,mergedClsPrefixRef:w,countGraphemesRef:A}=mr(Ie),u=P(()=>{const{value:t}=F;return t===null||Array.isArray(t)?0:(A.value||Or)(t)});return()=>{const{value:t}=C,{value:a}=F;return i(),v("span",{class:f(`${w.value}-input-word-count`)},[h(()=>xr(g.default,{value:a===null||Array.isArray(a)?"":a},()=>[t===void 0?u.value:`${u.value} / ${t}`]))],2)}}});const Kr=["autofocus","rows","placeholder","value","disabled","maxlength","minlength","readonly","tabindex","onBlur","onFocus","onInput","onChange","onScroll"],Nr=["type","tabindex","placeholder","disabled","maxlength","minlength","value","readonly","autofocus","size","onBlur","onFocus","onInput","onChange"],Ur=["onMousedown","onClick"],Lr=["type","tabindex","placeholder","disabled","maxlength","minlength","value","readonly","onBlur","onFocus","onInput","onChange"],jr=["tabindex","onFocus","onBlur","onClick","onMousedown","onMouseenter","onMouseleave","onCompositionstart","onCompositionend","onKeyup","onKeydown"],Gr={...Ee.props,bordered:{type:Boolean,default:void 0},type:{type:String,default:"text"},placeholder:[Array,String],defaultValue:{type:[String,Array],default:null},value:[String,Array],disabled:{type:Boolean,default:void 0},size:String,rows:{type:[Number,String],default:3},round:Boolean,minlength:[String,Number],maxlength:[String,Number],clearable:Boolean,autosize:{type:[Boolean,Object],default:!1},pair:Boolean,separator:String,readonly:{type:[String,Boolean],default:!1},passivelyActivated:Boolean,showPasswordOn:String,stateful:{type:Boolean,default:!0},autofocus:Boolean,inputProps:Object,resizable:{type:Boolean,default:!0},showCount:Boolean,loading:{type:Boolean,default:void 0},allowInput:Function,renderCount:Function,onMousedown:Function,onKeydown:Function,onKeyup:[Function,Array],onInput:[Function,Array],onFocus:[Function,Array],onBlur:[Function,Array],onClick:[Function,Array],onChange:[Function,Array],onClear:[Function,Array],countGraphemes:Function,status:String,"onUpdate:value":[Function,Array],onUpdateValue:[Function,Array],textDecoration:[String,Array],attrSize:{type:Number,default:20},onInputBlur:[Function,Array],onInputFocus:[Function,Array],onDeactivate:[Function,Array],onActivate:[Function,Array],onWrapperFocus:[Function,Array],onWrapperBlur:[Function,Array],internalDeactivateOnEnter:Boolean,internalForceFocus:Boolean,internalLoadingBeforeSuffix:{type:Boolean,default:!0},showPasswordToggle:Boolean};var Jr=ee({name:"Input",props:Gr,slots:Object,setup(o){const{mergedClsPrefixRef:g,mergedBorderedRef:F,inlineThemeDisabled:C,mergedRtlRef:w,mergedComponentPropsRef:A}=wr(o),u=Ee("Input","-input",Wr,Pr,o,g);Cr&&zr("-input-safari",Dr,g);const t=m(null),a=m(null),z=m(null),O=m(null),b=m(null),T=m(null),_=m(null),fe=Hr(_),M=m(null),{localeRef:Te}=Er("Input"),j=m(o.defaultValue),Me=Be(o,"value"),B=Tr(Me,j),H=Sr(o,{mergedSize:e=>{const{size:r}=o;if(r)return r;const{mergedSize:n}=e||{};if(n?.value)return n.value;const c=A?.value?.Input?.size;return c||"medium"}}),{mergedSizeRef:oe,mergedDisabledRef:W,mergedStatusRef:Ve}=H,D=m(!1),K=m(!1),$=m(!1),N=m(!1);let re=null;const te=P(()=>{const{placeholder:e,pair:r}=o;return r?Array.isArray(e)?e:e===void 0?["",""]:[e,e]:e===void 0?[Te.value.placeholder]:[e]}),We=P(()=>{const{value:e}=$,{value:r}=B,{value:n}=te;return!e&&(Z(r)||Array.isArray(r)&&Z(r[0]))&&n[0]}),De=P(()=>{const{value:e}=$,{value:r}=B,{value:n}=te;return!e&&n[1]&&(Z(r)||Array.isArray(r)&&Z(r[1]))}),ne=ze(()=>o.internalForceFocus||D.value),Oe=ze(()=>{if(W.value||o.readonly||!o.clearable||!ne.value&&!K.value)return!1;const{value:e}=B,{value:r}=ne;return o.pair?!!(Array.isArray(e)&&(e[0]||e[1]))&&(K.value||r):!!e&&(K.value||r)}),ae=P(()=>{const{showPasswordOn:e}=o;if(e)return e;if(o.showPasswordToggle)return"click"}),U=m(!1),He=P(()=>{const{textDecoration:e}=o;return e?Array.isArray(e)?e.map(r=>({textDecoration:r})):[{textDecoration:e}]:["",""]}),pe=m(void 0),Ke=()=>{if(o.type==="textarea"){const{autosize:e}=o;if(e&&(pe.value=M.value?.$el?.offsetWidth),!a.value||typeof e=="boolean")return;const{paddingTop:r,paddingBottom:n,lineHeight:c}=window.getComputedStyle(a.value),d=Number(r.slice(0,-2)),s=Number(n.slice(0,-2)),V=Number(c.slice(0,-2)),{value:E}=z;if(!E)return;if(e.minRows){const I=Math.max(e.minRows,1),se=`${d+s+V*I}px`;E.style.minHeight=se}if(e.maxRows){const I=`${d+s+V*e.maxRows}px`;E.style.maxHeight=I}}},Ne=P(()=>{const{maxlength:e}=o;return e===void 0?void 0:Number(e)});Ar(()=>{const{value:e}=B;Array.isArray(e)||ie(e)});const Ue=Rr().proxy;function G(e,r){const{onUpdateValue:n,"onUpdate:value":c,onInput:d}=o,{nTriggerFormInput:s}=H;n&&x(n,e,r),c&&x(c,e,r),d&&x(d,e,r),j.value=e,s()}function Y(e,r){const{onChange:n}=o,{nTriggerFormChange:c}=H;n&&x(n,e,r),j.value=e,c()}function Le(e){const{onBlur:r}=o,{nTriggerFormBlur:n}=H;r&&x(r,e),n()}function je(e){const{onFocus:r}=o,{nTriggerFormFocus:n}=H;r&&x(r,e),n()}function Ge(e){const{onClear:r}=o;r&&x(r,e)}function Ye(e){const{onInputBlur:r}=o;r&&x(r,e)}function Xe(e){const{onInputFocus:r}=o;r&&x(r,e)}function Qe(){const{onDeactivate:e}=o;e&&x(e)}function Je(){const{onActivate:e}=o;e&&x(e)}function qe(e){const{onClick:r}=o;r&&x(r,e)}function Ze(e){const{onWrapperFocus:r}=o;r&&x(r,e)}function eo(e){const{onWrapperBlur:r}=o;r&&x(r,e)}function oo(){$.value=!0}function ro(e){$.value=!1,e.target===T.value?X(e,1):X(e,0)}function X(e,r=0,n="input"){const c=e.target.value;if(ie(c),e instanceof InputEvent&&!e.isComposing&&($.value=!1),o.type==="textarea"){const{value:s}=M;s&&s.syncUnifiedContainer()}if(re=c,$.value)return;fe.recordCursor();const d=to(c);if(d)if(!o.pair)n==="input"?G(c,{source:r}):Y(c,{source:r});else{let{value:s}=B;Array.isArray(s)?s=[s[0],s[1]]:s=["",""],s[r]=c,n==="input"?G(s,{source:r}):Y(s,{source:r})}Ue.$forceUpdate(),d||Ae(fe.restoreCursor)}function to(e){const{countGraphemes:r,maxlength:n,minlength:c}=o;if(r){let s;if(n!==void 0&&(s===void 0&&(s=r(e)),s>Number(n))||c!==void 0&&(s===void 0&&(s=r(e)),s<Number(n)))return!1}const{allowInput:d}=o;return typeof d=="function"?d(e):!0}function no(e){Ye(e),e.relatedTarget===t.value&&Qe(),e.relatedTarget!==null&&(e.relatedTarget===b.value||e.relatedTarget===T.value||e.relatedTarget===a.value)||(N.value=!1),Q(e,"blur"),_.value=null}function ao(e,r){Xe(e),D.value=!0,N.value=!0,Je(),Q(e,"focus"),r===0?_.value=b.value:r===1?_.value=T.value:r===2&&(_.value=a.value)}function lo(e){o.passivelyActivated&&(eo(e),Q(e,"blur"))}function io(e){o.passivelyActivated&&(D.value=!0,Ze(e),Q(e,"focus"))}function Q(e,r){e.relatedTarget!==null&&(e.relatedTarget===b.value||e.relatedTarget===T.value||e.relatedTarget===a.value||e.relatedTarget===t.value)||(r==="focus"?(je(e),D.value=!0):r==="blur"&&(Le(e),D.value=!1))}function so(e,r){X(e,r,"change")}function co(e){qe(e)}function uo(e){Ge(e),ve()}function ve(){o.pair?(G(["",""],{source:"clear"}),Y(["",""],{source:"clear"})):(G("",{source:"clear"}),Y("",{source:"clear"}))}function ho(e){const{onMousedown:r}=o;r&&r(e);const{tagName:n}=e.target;if(n!=="INPUT"&&n!=="TEXTAREA"){if(o.resizable){const{value:c}=t;if(c){const{left:d,top:s,width:V,height:E}=c.getBoundingClientRect(),I=14;if(d+V-I<e.clientX&&e.clientX<d+V&&s+E-I<e.clientY&&e.clientY<s+E)return}}e.preventDefault(),D.value||ge()}}function fo(){K.value=!0,o.type==="textarea"&&M.value?.handleMouseEnterWrapper()}function po(){K.value=!1,o.type==="textarea"&&M.value?.handleMouseLeaveWrapper()}function vo(){W.value||ae.value==="click"&&(U.value=!U.value)}function go(e){if(W.value)return;e.preventDefault();const r=c=>{c.preventDefault(),ke("mouseup",document,r)};if(Re("mouseup",document,r),ae.value!=="mousedown")return;U.value=!0;const n=()=>{U.value=!1,ke("mouseup",document,n)};Re("mouseup",document,n)}function bo(e){o.onKeyup&&x(o.onKeyup,e)}function mo(e){switch(o.onKeydown&&x(o.onKeydown,e),e.key){case"Escape":le();break;case"Enter":xo(e)}}function xo(e){if(o.passivelyActivated){const{value:r}=N;if(r){o.internalDeactivateOnEnter&&le();return}e.preventDefault(),o.type==="textarea"?a.value?.focus():b.value?.focus()}}function le(){o.passivelyActivated&&(N.value=!1,Ae(()=>{t.value?.focus()}))}function ge(){W.value||(o.passivelyActivated?t.value?.focus():(a.value?.focus(),b.value?.focus()))}function yo(){t.value?.contains(document.activeElement)&&document.activeElement.blur()}function wo(){a.value?.select(),b.value?.select()}function Co(){W.value||(a.value?a.value.focus():b.value&&b.value.focus())}function zo(){const{value:e}=t;e?.contains(document.activeElement)&&e!==document.activeElement&&le()}function So(e){if(o.type==="textarea"){const{value:r}=a;r?.scrollTo(e)}else{const{value:r}=b;r?.scrollTo(e)}}function ie(e){const{type:r,pair:n,autosize:c}=o;if(!n&&c)if(r==="textarea"){const{value:d}=z;d&&(d.textContent=`${e??""}\r
`)}else{const{value:d}=O;d&&(e?d.textContent=e:d.innerHTML="&nbsp;")}}function Ao(){Ke()}const be=m({top:"0"});function Ro(e){const{scrollTop:r}=e.target;be.value.top=`${-r}px`,M.value?.syncUnifiedContainer()}let me=null;Se(()=>{const{autosize:e,type:r}=o;e&&r==="textarea"?me=he(B,n=>{!Array.isArray(n)&&n!==re&&ie(n)}):me?.()});let xe=null;Se(()=>{o.type==="textarea"?xe=he(B,e=>{!Array.isArray(e)&&e!==re&&M.value?.syncUnifiedContainer()}):xe?.()}),$r(Ie,{mergedValueRef:B,maxlengthRef:Ne,mergedClsPrefixRef:g,countGraphemesRef:Be(o,"countGraphemes")});const ko={wrapperElRef:t,inputElRef:b,textareaElRef:a,isCompositing:$,clear:ve,focus:ge,blur:yo,select:wo,deactivate:zo,activate:Co,scrollTo:So},Fo=kr("Input",w,g),ye=P(()=>{const{value:e}=oe,{common:{cubicBezierEaseInOut:r},self:{color:n,colorHover:c,borderRadius:d,textColor:s,caretColor:V,caretColorError:E,caretColorWarning:I,textDecorationColor:se,border:Bo,borderDisabled:Po,borderHover:_o,borderFocus:$o,placeholderColor:Eo,placeholderColorDisabled:Io,lineHeightTextarea:To,colorDisabled:Mo,colorFocus:Vo,textColorDisabled:Wo,boxShadowFocus:Do,iconSize:Oo,colorFocusWarning:Ho,boxShadowFocusWarning:Ko,borderWarning:No,borderFocusWarning:Uo,borderHoverWarning:Lo,colorFocusError:jo,boxShadowFocusError:Go,borderError:Yo,borderFocusError:Xo,borderHoverError:Qo,clearSize:Jo,clearColor:qo,clearColorHover:Zo,clearColorPressed:er,iconColor:or,iconColorDisabled:rr,suffixTextColor:tr,countTextColor:nr,countTextColorDisabled:ar,iconColorHover:lr,iconColorPressed:ir,loadingColor:sr,loadingColorError:cr,loadingColorWarning:ur,fontWeight:dr,[de("padding",e)]:hr,[de("fontSize",e)]:fr,[de("height",e)]:pr}}=u.value,{left:vr,right:gr}=_r(hr);return{"--n-bezier":r,"--n-count-text-color":nr,"--n-count-text-color-disabled":ar,"--n-color":n,"--n-color-hover":c,"--n-font-size":fr,"--n-font-weight":dr,"--n-border-radius":d,"--n-height":pr,"--n-padding-left":vr,"--n-padding-right":gr,"--n-text-color":s,"--n-caret-color":V,"--n-text-decoration-color":se,"--n-border":Bo,"--n-border-disabled":Po,"--n-border-hover":_o,"--n-border-focus":$o,"--n-placeholder-color":Eo,"--n-placeholder-color-disabled":Io,"--n-icon-size":Oo,"--n-line-height-textarea":To,"--n-color-disabled":Mo,"--n-color-focus":Vo,"--n-text-color-disabled":Wo,"--n-box-shadow-focus":Do,"--n-loading-color":sr,"--n-caret-color-warning":I,"--n-color-focus-warning":Ho,"--n-box-shadow-focus-warning":Ko,"--n-border-warning":No,"--n-border-focus-warning":Uo,"--n-border-hover-warning":Lo,"--n-loading-color-warning":ur,"--n-caret-color-error":E,"--n-color-focus-error":jo,"--n-box-shadow-focus-error":Go,"--n-border-error":Yo,"--n-border-focus-error":Xo,"--n-border-hover-error":Qo,"--n-loading-color-error":cr,"--n-clear-color":qo,"--n-clear-size":Jo,"--n-clear-color-hover":Zo,"--n-clear-color-pressed":er,"--n-icon-color":or,"--n-icon-color-hover":lr,"--n-icon-color-pressed":ir,"--n-icon-color-disabled":rr,"--n-suffix-text-color":tr}}),we=C?Fr("input",P(()=>{const{value:e}=oe;return e[0]}),ye,o):void 0;return{...ko,wrapperElRef:t,inputElRef:b,inputMirrorElRef:O,inputEl2Ref:T,textareaElRef:a,textareaMirrorElRef:z,textareaScrollbarInstRef:M,rtlEnabled:Fo,uncontrolledValue:j,mergedValue:B,passwordVisible:U,mergedPlaceholder:te,showPlaceholder1:We,showPlaceholder2:De,mergedFocus:ne,isComposing:$,activated:N,showClearButton:Oe,mergedSize:oe,mergedDisabled:W,textDecorationStyle:He,mergedClsPrefix:g,mergedBordered:F,mergedShowPasswordOn:ae,placeholderStyle:be,mergedStatus:Ve,textAreaScrollContainerWidth:pe,handleTextAreaScroll:Ro,handleCompositionStart:oo,handleCompositionEnd:ro,handleInput:X,handleInputBlur:no,handleInputFocus:ao,handleWrapperBlur:lo,handleWrapperFocus:io,handleMouseEnter:fo,handleMouseLeave:po,handleMouseDown:ho,handleChange:so,handleClick:co,handleClear:uo,handlePasswordToggleClick:vo,handlePasswordToggleMousedown:go,handleWrapperKeydown:mo,handleWrapperKeyup:bo,handleTextAreaMirrorResize:Ao,getTextareaScrollContainer:()=>a.value,mergedTheme:u,cssVars:C?void 0:ye,themeClass:we?.themeClass,onRender:we?.onRender}},render(){const{mergedClsPrefix:o,mergedStatus:g,themeClass:F,type:C,countGraphemes:w,onRender:A}=this,u=this.$slots;return A?.(),i(),v("div",{ref:"wrapperElRef",class:f([`${o}-input`,`${o}-input--${this.mergedSize}-size`,F,g&&`${o}-input--${g}-status`,{[`${o}-input--rtl`]:this.rtlEnabled,[`${o}-input--disabled`]:this.mergedDisabled,[`${o}-input--textarea`]:C==="textarea",[`${o}-input--resizable`]:this.resizable&&!this.autosize,[`${o}-input--autosize`]:this.autosize,[`${o}-input--round`]:this.round&&C!=="textarea",[`${o}-input--pair`]:this.pair,[`${o}-input--focus`]:this.mergedFocus,[`${o}-input--stateful`]:this.stateful}]),style:J(this.cssVars),tabindex:!this.mergedDisabled&&this.passivelyActivated&&!this.activated?0:void 0,onFocus:this.handleWrapperFocus,onBlur:this.handleWrapperBlur,onClick:this.handleClick,onMousedown:this.handleMouseDown,onMouseenter:this.handleMouseEnter,onMouseleave:this.handleMouseLeave,onCompositionstart:this.handleCompositionStart,onCompositionend:this.handleCompositionEnd,onKeyup:this.handleWrapperKeyup,onKeydown:this.handleWrapperKeydown},[y("div",{class:f(`${o}-input-wrapper`)},[h(()=>q(u.prefix,t=>t&&(i(),v("div",{class:f(`${o}-input__prefix`)},[h(()=>t)],2)))),C==="textarea"?(i(),R(yr,{key:0,ref:"textareaScrollbarInstRef",class:f(`${o}-input__textarea`),container:this.getTextareaScrollContainer,theme:this.theme?.peers?.Scrollbar,themeOverrides:this.themeOverrides?.peers?.Scrollbar,triggerDisplayManually:!0,useUnifiedContainer:!0,internalHoistYRail:!0},{default:()=>{const{textAreaScrollContainerWidth:t}=this,a={width:this.autosize&&t&&`${t}px`};return i(),v(ce,null,[y("textarea",Ce(this.inputProps,{ref:"textareaElRef",class:[`${o}-input__textarea-el`,this.inputProps?.class],autofocus:this.autofocus,rows:Number(this.rows),placeholder:this.placeholder,value:this.mergedValue,disabled:this.mergedDisabled,maxlength:w?void 0:this.maxlength,minlength:w?void 0:this.minlength,readonly:this.readonly,tabindex:this.passivelyActivated&&!this.activated?-1:void 0,style:[this.textDecorationStyle[0],this.inputProps?.style,a],onBlur:this.handleInputBlur,onFocus:z=>{this.handleInputFocus(z,2)},onInput:this.handleInput,onChange:this.handleChange,onScroll:this.handleTextAreaScroll}),null,16,Kr),this.showPlaceholder1?(i(),v("div",{class:f(`${o}-input__placeholder`),style:J([this.placeholderStyle,a]),key:"placeholder"},[h(()=>this.mergedPlaceholder[0])],6)):h(()=>null),this.autosize?(i(),R(Br,{key:2,onResize:this.handleTextAreaMirrorResize},{default:()=>(i(),v("div",{ref:"textareaMirrorElRef",class:f(`${o}-input__textarea-mirror`),key:"mirror"},null,2))},1032,["onResize"])):h(()=>null)],64)}},1032,["class","container","theme","themeOverrides"])):(i(),v("div",{key:1,class:f(`${o}-input__input`)},[y("input",Ce({type:C==="password"&&this.mergedShowPasswordOn&&this.passwordVisible?"text":C},this.inputProps,{ref:"inputElRef",class:[`${o}-input__input-el`,this.inputProps?.class],style:[this.textDecorationStyle[0],this.inputProps?.style],tabindex:this.passivelyActivated&&!this.activated?-1:this.inputProps?.tabindex,placeholder:this.mergedPlaceholder[0],disabled:this.mergedDisabled,maxlength:w?void 0:this.maxlength,minlength:w?void 0:this.minlength,value:Array.isArray(this.mergedValue)?this.mergedValue[0]:this.mergedValue,readonly:this.readonly,autofocus:this.autofocus,size:this.attrSize,onBlur:this.handleInputBlur,onFocus:t=>{this.handleInputFocus(t,0)},onInput:t=>{this.handleInput(t,0)},onChange:t=>{this.handleChange(t,0)}}),null,16,Nr),this.showPlaceholder1?(i(),v("div",{key:0,class:f(`${o}-input__placeholder`)},[y("span",null,[h(()=>this.mergedPlaceholder[0])])],2)):h(()=>null),this.autosize?(i(),v("div",{class:f(`${o}-input__input-mirror`),key:"mirror",ref:"inputMirrorElRef"}," ",2)):h(()=>null)],2)),h(()=>!this.pair&&q(u.suffix,t=>t||this.clearable||this.showCount||this.mergedShowPasswordOn||this.loading!==void 0?(i(),v("div",{key:1,class:f(`${o}-input__suffix`)},[h(()=>[q(u["clear-icon-placeholder"],a=>(this.clearable||a)&&(i(),R(Pe,{clsPrefix:o,show:this.showClearButton,onClear:this.handleClear},{placeholder:()=>a,icon:()=>this.$slots["clear-icon"]?.()},1032,["clsPrefix","show","onClear"]))),this.internalLoadingBeforeSuffix?null:t,this.loading!==void 0?(i(),R(Ir,{key:2,clsPrefix:o,loading:this.loading,showArrow:!1,showClear:!1,style:J(this.cssVars)},null,8,["clsPrefix","loading","style"])):null,this.internalLoadingBeforeSuffix?t:null,this.showCount&&this.type!=="textarea"?(i(),R(_e,{key:3},{default:a=>{const{renderCount:z}=this;return z?z(a):u.count?.(a)}},1024)):null,this.mergedShowPasswordOn&&this.type==="password"?(i(),v("div",{key:4,class:f(`${o}-input__eye`),onMousedown:this.handlePasswordToggleMousedown,onClick:this.handlePasswordToggleClick},[this.passwordVisible?(i(),v(ce,{key:0},[h(()=>ue(u["password-visible-icon"],()=>[(i(),R(Fe,{clsPrefix:o},{default:()=>(i(),R(Mr))},1032,["clsPrefix"]))]))],64)):(i(),v(ce,{key:1},[h(()=>ue(u["password-invisible-icon"],()=>[(i(),R(Fe,{clsPrefix:o},{default:()=>(i(),R(Vr))},1032,["clsPrefix"]))]))],64))],42,Ur)):null])],2)):null))],2),this.pair?(i(),v("span",{key:0,class:f(`${o}-input__separator`)},[h(()=>ue(u.separator,()=>[this.separator]))],2)):h(()=>null),this.pair?(i(),v("div",{key:2,class:f(`${o}-input-wrapper`)},[y("div",{class:f(`${o}-input__input`)},[y("input",{ref:"inputEl2Ref",type:this.type,class:f(`${o}-input__input-el`),tabindex:this.passivelyActivated&&!this.activated?-1:void 0,placeholder:this.mergedPlaceholder[1],disabled:this.mergedDisabled,maxlength:w?void 0:this.maxlength,minlength:w?void 0:this.minlength,value:Array.isArray(this.mergedValue)?this.mergedValue[1]:void 0,readonly:this.readonly,style:J(this.textDecorationStyle[1]),onBlur:this.handleInputBlur,onFocus:t=>{this.handleInputFocus(t,1)},onInput:t=>{this.handleInput(t,1)},onChange:t=>{this.handleChange(t,1)}},null,46,Lr),this.showPlaceholder2?(i(),v("div",{key:0,class:f(`${o}-input__placeholder`)},[y("span",null,[h(()=>this.mergedPlaceholder[1])])],2)):h(()=>null)],2),h(()=>q(u.suffix,t=>(this.clearable||t)&&(i(),v("div",{class:f(`${o}-input__suffix`)},[h(()=>[this.clearable&&(i(),R(Pe,{clsPrefix:o,show:this.showClearButton,onClear:this.handleClear},{icon:()=>u["clear-icon"]?.(),placeholder:()=>u["clear-icon-placeholder"]?.()},1032,["clsPrefix","show","onClear"])),t])],2))))],2)):h(()=>null),this.mergedBordered?(i(),v("div",{key:4,class:f(`${o}-input__border`)},null,2)):h(()=>null),this.mergedBordered?(i(),v("div",{key:6,class:f(`${o}-input__state-border`)},null,2)):h(()=>null),this.showCount&&C==="textarea"?(i(),R(_e,{key:8},{default:t=>{const{renderCount:a}=this;return a?a(t):u.count?.(t)}},1024)):h(()=>null)],46,jr)}});export{Jr as I};
