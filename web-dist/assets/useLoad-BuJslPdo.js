import{ao as zr,bi as Sr,ap as j,bj as U,c as p,b as n,d as E,as as Ir,t as T,e as te,u as he,f as l,S as k,aw as kr,m as De,a5 as He,q as Le,r as M,z,h as m,j as d,al as Ar,n as v,aV as ue,ar as Ce,bk as Rr,bl as Pr,bm as _r,bn as Er,k as A,B as re,G as de,bd as Oe,I as B,at as Ke,s as $r,a as oe,w as we,i as Fr,bo as Tr,a1 as Br,l as se,bp as Wr,aJ as Mr,aP as Vr,av as Ee,E as Dr,g as Hr,a6 as $e,aT as Fe,aO as Te,ah as R,b1 as Be,F as ye,ay as Lr,bq as Or,D as We,y as Kr,br as Nr,bs as jr}from"./index-C5zr68Ca.js";import{k as Ur,u as Gr,r as Me,s as Xr}from"./_plugin-vue_export-helper-DvYTjNhh.js";function Yr(o){const{lineHeight:u,borderRadius:S,fontWeightStrong:g,baseColor:c,dividerColor:I,actionColor:s,textColor1:t,textColor2:a,closeColorHover:y,closeColorPressed:$,closeIconColor:b,closeIconColorHover:P,closeIconColorPressed:C,infoColor:w,successColor:F,warningColor:G,errorColor:V,fontSize:J}=o;return{...Sr,fontSize:J,lineHeight:u,titleFontWeight:g,borderRadius:S,border:`1px solid ${I}`,color:s,titleTextColor:t,iconColor:a,contentTextColor:a,closeBorderRadius:S,closeColorHover:y,closeColorPressed:$,closeIconColor:b,closeIconColorHover:P,closeIconColorPressed:C,borderInfo:`1px solid ${j(c,U(w,{alpha:.25}))}`,colorInfo:j(c,U(w,{alpha:.08})),titleTextColorInfo:t,iconColorInfo:w,contentTextColorInfo:a,closeColorHoverInfo:y,closeColorPressedInfo:$,closeIconColorInfo:b,closeIconColorHoverInfo:P,closeIconColorPressedInfo:C,borderSuccess:`1px solid ${j(c,U(F,{alpha:.25}))}`,colorSuccess:j(c,U(F,{alpha:.08})),titleTextColorSuccess:t,iconColorSuccess:F,contentTextColorSuccess:a,closeColorHoverSuccess:y,closeColorPressedSuccess:$,closeIconColorSuccess:b,closeIconColorHoverSuccess:P,closeIconColorPressedSuccess:C,borderWarning:`1px solid ${j(c,U(G,{alpha:.33}))}`,colorWarning:j(c,U(G,{alpha:.08})),titleTextColorWarning:t,iconColorWarning:G,contentTextColorWarning:a,closeColorHoverWarning:y,closeColorPressedWarning:$,closeIconColorWarning:b,closeIconColorHoverWarning:P,closeIconColorPressedWarning:C,borderError:`1px solid ${j(c,U(V,{alpha:.25}))}`,colorError:j(c,U(V,{alpha:.08})),titleTextColorError:t,iconColorError:V,contentTextColorError:a,closeColorHoverError:y,closeColorPressedError:$,closeIconColorError:b,closeIconColorHoverError:P,closeIconColorPressedError:C}}const qr={common:zr,self:Yr};var Jr=p("alert",`
 line-height: var(--n-line-height);
 border-radius: var(--n-border-radius);
 position: relative;
 transition: background-color .3s var(--n-bezier);
 background-color: var(--n-color);
 text-align: start;
 word-break: break-word;
`,[n("border",`
 border-radius: inherit;
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 transition: border-color .3s var(--n-bezier);
 border: var(--n-border);
 pointer-events: none;
 `),E("closable",[p("alert-body",[n("title",`
 padding-right: 24px;
 `)])]),n("icon",{color:"var(--n-icon-color)"}),p("alert-body",{padding:"var(--n-padding)"},[n("title",{color:"var(--n-title-text-color)"}),n("content",{color:"var(--n-content-text-color)"})]),Ir({originalTransition:"transform .3s var(--n-bezier)",enterToProps:{transform:"scale(1)"},leaveToProps:{transform:"scale(0.9)"}}),n("icon",`
 position: absolute;
 left: 0;
 top: 0;
 align-items: center;
 justify-content: center;
 display: flex;
 width: var(--n-icon-size);
 height: var(--n-icon-size);
 font-size: var(--n-icon-size);
 margin: var(--n-icon-margin);
 `),n("close",`
 transition:
 color .3s var(--n-bezier),
 background-color .3s var(--n-bezier);
 position: absolute;
 right: 0;
 top: 0;
 margin: var(--n-close-margin);
 `),E("show-icon",[p("alert-body",{paddingLeft:"calc(var(--n-icon-margin-left) + var(--n-icon-size) + var(--n-icon-margin-right))"})]),E("right-adjust",[p("alert-body",{paddingRight:"calc(var(--n-close-size) + var(--n-padding) + 2px)"})]),p("alert-body",`
 border-radius: var(--n-border-radius);
 transition: border-color .3s var(--n-bezier);
 `,[n("title",`
 transition: color .3s var(--n-bezier);
 font-size: 16px;
 line-height: 19px;
 font-weight: var(--n-title-font-weight);
 `,[T("& +",[n("content",{marginTop:"9px"})])]),n("content",{transition:"color .3s var(--n-bezier)",fontSize:"var(--n-font-size)"})]),n("icon",{transition:"color .3s var(--n-bezier)"})]);const Qr={...he.props,title:String,showIcon:{type:Boolean,default:!0},type:{type:String,default:"default"},bordered:{type:Boolean,default:!0},closable:Boolean,onClose:Function,onAfterLeave:Function,onAfterHide:Function};var ft=te({name:"Alert",inheritAttrs:!1,props:Qr,slots:Object,setup(o){const{mergedClsPrefixRef:u,mergedBorderedRef:S,inlineThemeDisabled:g,mergedRtlRef:c}=De(o),I=he("Alert","-alert",Jr,qr,o,u),s=He("Alert",c,u),t=M(()=>{const{common:{cubicBezierEaseInOut:C},self:w}=I.value,{fontSize:F,borderRadius:G,titleFontWeight:V,lineHeight:J,iconSize:W,iconMargin:H,iconMarginRtl:Q,closeIconSize:L,closeBorderRadius:fe,closeSize:O,closeMargin:X,closeMarginRtl:D,padding:Y}=w,{type:_}=o,{left:Z,right:ve}=Oe(H);return{"--n-bezier":C,"--n-color":w[B("color",_)],"--n-close-icon-size":L,"--n-close-border-radius":fe,"--n-close-color-hover":w[B("closeColorHover",_)],"--n-close-color-pressed":w[B("closeColorPressed",_)],"--n-close-icon-color":w[B("closeIconColor",_)],"--n-close-icon-color-hover":w[B("closeIconColorHover",_)],"--n-close-icon-color-pressed":w[B("closeIconColorPressed",_)],"--n-icon-color":w[B("iconColor",_)],"--n-border":w[B("border",_)],"--n-title-text-color":w[B("titleTextColor",_)],"--n-content-text-color":w[B("contentTextColor",_)],"--n-line-height":J,"--n-border-radius":G,"--n-font-size":F,"--n-title-font-weight":V,"--n-icon-size":W,"--n-icon-margin":H,"--n-icon-margin-rtl":Q,"--n-close-size":O,"--n-close-margin":X,"--n-close-margin-rtl":D,"--n-padding":Y,"--n-icon-margin-left":Z,"--n-icon-margin-right":ve}}),a=g?Le("alert",M(()=>o.type[0]),t,o):void 0,y=z(!0),$=()=>{const{onAfterLeave:C,onAfterHide:w}=o;C&&C(),w&&w()};return{rtlEnabled:s,mergedClsPrefix:u,mergedBordered:S,visible:y,handleCloseClick:()=>{Promise.resolve(o.onClose?.()).then(C=>{C!==!1&&(y.value=!1)})},handleAfterLeave:()=>{$()},mergedTheme:I,cssVars:g?void 0:t,themeClass:a?.themeClass,onRender:a?.onRender}},render(){return this.onRender?.(),l(),k(kr,{onAfterLeave:this.handleAfterLeave},{default:()=>{const{mergedClsPrefix:o,$slots:u}=this,S={class:[`${o}-alert`,this.themeClass,this.closable&&`${o}-alert--closable`,this.showIcon&&`${o}-alert--show-icon`,!this.title&&this.closable&&`${o}-alert--right-adjust`,this.rtlEnabled&&`${o}-alert--rtl`],style:this.cssVars,role:"alert"};return this.visible?(l(),m("div",de({key:1},de(this.$attrs,S)),[d(()=>this.closable&&(l(),k(Ar,{clsPrefix:o,class:v(`${o}-alert__close`),onClick:this.handleCloseClick},null,8,["clsPrefix","class","onClick"]))),d(()=>this.bordered&&(l(),m("div",{class:v(`${o}-alert__border`)},null,2))),d(()=>this.showIcon&&(l(),m("div",{class:v(`${o}-alert__icon`),"aria-hidden":"true"},[d(()=>ue(u.icon,()=>[(l(),k(Ce,{clsPrefix:o},{default:()=>{switch(this.type){case"success":return l(),k(Er,{key:3});case"info":return l(),k(_r,{key:4});case"warning":return l(),k(Pr,{key:5});case"error":return l(),k(Rr,{key:6});default:return null}}},1032,["clsPrefix"]))]))],2))),A("div",{class:v([`${o}-alert-body`,this.mergedBordered&&`${o}-alert-body--bordered`])},[d(()=>re(u.header,g=>{const c=g||this.title;return c?(l(),m("div",{key:2,class:v(`${o}-alert-body__title`)},[d(()=>c)],2)):null})),d(()=>u.default&&(l(),m("div",{class:v(`${o}-alert-body__content`)},[d(()=>u.default())],2)))],2)],16)):null}},1032,["onAfterLeave"])}}),Zr=te({name:"Eye",render(){return(()=>{const o=Ke("ae479a1970012861");return o[0]||(o[0]=A("svg",{xmlns:"http://www.w3.org/2000/svg",viewBox:"0 0 512 512"},[A("path",{d:"M255.66 112c-77.94 0-157.89 45.11-220.83 135.33a16 16 0 0 0-.27 17.77C82.92 340.8 161.8 400 255.66 400c92.84 0 173.34-59.38 221.79-135.25a16.14 16.14 0 0 0 0-17.47C428.89 172.28 347.8 112 255.66 112z",fill:"none",stroke:"currentColor","stroke-linecap":"round","stroke-linejoin":"round","stroke-width":"32"}),A("circle",{cx:"256",cy:"256",r:"80",fill:"none",stroke:"currentColor","stroke-miterlimit":"10","stroke-width":"32"})],-1))})()}}),et=te({name:"EyeOff",render(){return(()=>{const o=Ke("2c06203b450ce879");return o[0]||(o[0]=A("svg",{xmlns:"http://www.w3.org/2000/svg",viewBox:"0 0 512 512"},[A("path",{d:"M432 448a15.92 15.92 0 0 1-11.31-4.69l-352-352a16 16 0 0 1 22.62-22.62l352 352A16 16 0 0 1 432 448z",fill:"currentColor"}),A("path",{d:"M255.66 384c-41.49 0-81.5-12.28-118.92-36.5c-34.07-22-64.74-53.51-88.7-91v-.08c19.94-28.57 41.78-52.73 65.24-72.21a2 2 0 0 0 .14-2.94L93.5 161.38a2 2 0 0 0-2.71-.12c-24.92 21-48.05 46.76-69.08 76.92a31.92 31.92 0 0 0-.64 35.54c26.41 41.33 60.4 76.14 98.28 100.65C162 402 207.9 416 255.66 416a239.13 239.13 0 0 0 75.8-12.58a2 2 0 0 0 .77-3.31l-21.58-21.58a4 4 0 0 0-3.83-1a204.8 204.8 0 0 1-51.16 6.47z",fill:"currentColor"}),A("path",{d:"M490.84 238.6c-26.46-40.92-60.79-75.68-99.27-100.53C349 110.55 302 96 255.66 96a227.34 227.34 0 0 0-74.89 12.83a2 2 0 0 0-.75 3.31l21.55 21.55a4 4 0 0 0 3.88 1a192.82 192.82 0 0 1 50.21-6.69c40.69 0 80.58 12.43 118.55 37c34.71 22.4 65.74 53.88 89.76 91a.13.13 0 0 1 0 .16a310.72 310.72 0 0 1-64.12 72.73a2 2 0 0 0-.15 2.95l19.9 19.89a2 2 0 0 0 2.7.13a343.49 343.49 0 0 0 68.64-78.48a32.2 32.2 0 0 0-.1-34.78z",fill:"currentColor"}),A("path",{d:"M256 160a95.88 95.88 0 0 0-21.37 2.4a2 2 0 0 0-1 3.38l112.59 112.56a2 2 0 0 0 3.38-1A96 96 0 0 0 256 160z",fill:"currentColor"}),A("path",{d:"M165.78 233.66a2 2 0 0 0-3.38 1a96 96 0 0 0 115 115a2 2 0 0 0 1-3.38z",fill:"currentColor"})],-1))})()}});const Ne=$r("n-input");var ot=p("input",`
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
`,[n("input, textarea",`
 overflow: hidden;
 flex-grow: 1;
 position: relative;
 `),n("input-el, textarea-el, input-mirror, textarea-mirror, separator, placeholder",`
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
 `),n("input-el, textarea-el",`
 -webkit-appearance: none;
 scrollbar-width: none;
 width: 100%;
 min-width: 0;
 text-decoration-color: var(--n-text-decoration-color);
 color: var(--n-text-color);
 caret-color: var(--n-caret-color);
 background-color: transparent;
 `,[T("&::-webkit-scrollbar, &::-webkit-scrollbar-track-piece, &::-webkit-scrollbar-thumb",`
 width: 0;
 height: 0;
 display: none;
 `),T("&::placeholder",`
 color: #0000;
 -webkit-text-fill-color: transparent !important;
 `),T("&:-webkit-autofill ~",[n("placeholder","display: none;")])]),E("round",[oe("textarea","border-radius: calc(var(--n-height) / 2);")]),n("placeholder",`
 pointer-events: none;
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 overflow: hidden;
 color: var(--n-placeholder-color);
 `,[T("span",`
 width: 100%;
 display: inline-block;
 `)]),E("textarea",[n("placeholder","overflow: visible;")]),oe("autosize","width: 100%;"),E("autosize",[n("textarea-el, input-el",`
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
 `),n("input-mirror",`
 padding: 0;
 height: var(--n-height);
 line-height: var(--n-height);
 overflow: hidden;
 visibility: hidden;
 position: static;
 white-space: pre;
 pointer-events: none;
 `),n("input-el",`
 padding: 0;
 height: var(--n-height);
 line-height: var(--n-height);
 `,[T("&[type=password]::-ms-reveal","display: none;"),T("+",[n("placeholder",`
 display: flex;
 align-items: center; 
 `)])]),oe("textarea",[n("placeholder","white-space: nowrap;")]),n("eye",`
 display: flex;
 align-items: center;
 justify-content: center;
 transition: color .3s var(--n-bezier);
 `),E("textarea","width: 100%;",[p("input-word-count",`
 position: absolute;
 right: var(--n-padding-right);
 bottom: var(--n-padding-vertical);
 `),E("resizable",[p("input-wrapper",`
 resize: vertical;
 min-height: var(--n-height);
 `)]),n("textarea-el, textarea-mirror, placeholder",`
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
 `),n("textarea-mirror",`
 width: 100%;
 pointer-events: none;
 overflow: hidden;
 visibility: hidden;
 position: static;
 white-space: pre-wrap;
 overflow-wrap: break-word;
 `)]),E("pair",[n("input-el, placeholder","text-align: center;"),n("separator",`
 display: flex;
 align-items: center;
 transition: color .3s var(--n-bezier);
 color: var(--n-text-color);
 white-space: nowrap;
 `,[p("icon",`
 color: var(--n-icon-color);
 `),p("base-icon",`
 color: var(--n-icon-color);
 `)])]),E("disabled",`
 cursor: not-allowed;
 background-color: var(--n-color-disabled);
 `,[n("border","border: var(--n-border-disabled);"),n("input-el, textarea-el",`
 cursor: not-allowed;
 color: var(--n-text-color-disabled);
 text-decoration-color: var(--n-text-color-disabled);
 `),n("placeholder","color: var(--n-placeholder-color-disabled);"),n("separator","color: var(--n-text-color-disabled);",[p("icon",`
 color: var(--n-icon-color-disabled);
 `),p("base-icon",`
 color: var(--n-icon-color-disabled);
 `)]),p("input-word-count",`
 color: var(--n-count-text-color-disabled);
 `),n("suffix, prefix","color: var(--n-text-color-disabled);",[p("icon",`
 color: var(--n-icon-color-disabled);
 `),p("internal-icon",`
 color: var(--n-icon-color-disabled);
 `)])]),oe("disabled",[n("eye",`
 color: var(--n-icon-color);
 cursor: pointer;
 `,[T("&:hover",`
 color: var(--n-icon-color-hover);
 `),T("&:active",`
 color: var(--n-icon-color-pressed);
 `)]),T("&:hover","background-color: var(--n-color-hover);",[n("state-border","border: var(--n-border-hover);")]),E("focus","background-color: var(--n-color-focus);",[n("state-border",`
 border: var(--n-border-focus);
 box-shadow: var(--n-box-shadow-focus);
 `)])]),n("border, state-border",`
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
 `),n("state-border",`
 border-color: #0000;
 z-index: 1;
 `),n("prefix","margin-right: 4px;"),n("suffix",`
 margin-left: 4px;
 `),n("suffix, prefix",`
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
 `,[n("placeholder",[p("base-icon",`
 transition: color .3s var(--n-bezier);
 color: var(--n-icon-color);
 font-size: var(--n-icon-size);
 `)])]),T(">",[p("icon",`
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
 `),["warning","error"].map(o=>E(`${o}-status`,[oe("disabled",[p("base-loading",`
 color: var(--n-loading-color-${o})
 `),n("input-el, textarea-el",`
 caret-color: var(--n-caret-color-${o});
 `),n("state-border",`
 border: var(--n-border-${o});
 `),T("&:hover",[n("state-border",`
 border: var(--n-border-hover-${o});
 `)]),T("&:focus",`
 background-color: var(--n-color-focus-${o});
 `,[n("state-border",`
 box-shadow: var(--n-box-shadow-focus-${o});
 border: var(--n-border-focus-${o});
 `)]),E("focus",`
 background-color: var(--n-color-focus-${o});
 `,[n("state-border",`
 box-shadow: var(--n-box-shadow-focus-${o});
 border: var(--n-border-focus-${o});
 `)])])]))]);const rt=p("input",[E("disabled",[n("input-el, textarea-el",`
 -webkit-text-fill-color: var(--n-text-color-disabled);
 `)])]);function tt(o){let u=0;for(const S of o)u++;return u}function ce(o){return o===""||o==null}function nt(o){const u=z(null);function S(){const{value:I}=o;if(!I?.focus){c();return}const{selectionStart:s,selectionEnd:t,value:a}=I;if(s==null||t==null){c();return}u.value={start:s,end:t,beforeText:a.slice(0,s),afterText:a.slice(t)}}function g(){const{value:I}=u,{value:s}=o;if(!I||!s)return;const{value:t}=s,{start:a,beforeText:y,afterText:$}=I;let b=t.length;if(t.endsWith($))b=t.length-$.length;else if(t.startsWith(y))b=y.length;else{const P=y[a-1],C=t.indexOf(P,a-1);C!==-1&&(b=C+1)}s.setSelectionRange?.(b,b)}function c(){u.value=null}return we(o,c),{recordCursor:S,restoreCursor:g}}var Ve=te({name:"InputWordCount",setup(o,{slots:u}){const{mergedValueRef:S,maxlengthRef:g,mergedClsPrefixRef:c,countGraphemesRef:I}=Fr(Ne),s=M(()=>{const{value:t}=S;return t===null||Array.isArray(t)?0:(I.value||tt)(t)});return()=>{const{value:t}=g,{value:a}=S;return l(),m("span",{class:v(`${c.value}-input-word-count`)},[d(()=>Tr(u.default,{value:a===null||Array.isArray(a)?"":a},()=>[t===void 0?s.value:`${s.value} / ${t}`]))],2)}}});const at=["autofocus","rows","placeholder","value","disabled","maxlength","minlength","readonly","tabindex","onBlur","onFocus","onInput","onChange","onScroll"],lt=["type","tabindex","placeholder","disabled","maxlength","minlength","value","readonly","autofocus","size","onBlur","onFocus","onInput","onChange"],it=["onMousedown","onClick"],st=["type","tabindex","placeholder","disabled","maxlength","minlength","value","readonly","onBlur","onFocus","onInput","onChange"],ct=["tabindex","onFocus","onBlur","onClick","onMousedown","onMouseenter","onMouseleave","onCompositionstart","onCompositionend","onKeyup","onKeydown"],ut={...he.props,bordered:{type:Boolean,default:void 0},type:{type:String,default:"text"},placeholder:[Array,String],defaultValue:{type:[String,Array],default:null},value:[String,Array],disabled:{type:Boolean,default:void 0},size:String,rows:{type:[Number,String],default:3},round:Boolean,minlength:[String,Number],maxlength:[String,Number],clearable:Boolean,autosize:{type:[Boolean,Object],default:!1},pair:Boolean,separator:String,readonly:{type:[String,Boolean],default:!1},passivelyActivated:Boolean,showPasswordOn:String,stateful:{type:Boolean,default:!0},autofocus:Boolean,inputProps:Object,resizable:{type:Boolean,default:!0},showCount:Boolean,loading:{type:Boolean,default:void 0},allowInput:Function,renderCount:Function,onMousedown:Function,onKeydown:Function,onKeyup:[Function,Array],onInput:[Function,Array],onFocus:[Function,Array],onBlur:[Function,Array],onClick:[Function,Array],onChange:[Function,Array],onClear:[Function,Array],countGraphemes:Function,status:String,"onUpdate:value":[Function,Array],onUpdateValue:[Function,Array],textDecoration:[String,Array],attrSize:{type:Number,default:20},onInputBlur:[Function,Array],onInputFocus:[Function,Array],onDeactivate:[Function,Array],onActivate:[Function,Array],onWrapperFocus:[Function,Array],onWrapperBlur:[Function,Array],internalDeactivateOnEnter:Boolean,internalForceFocus:Boolean,internalLoadingBeforeSuffix:{type:Boolean,default:!0},showPasswordToggle:Boolean};var vt=te({name:"Input",props:ut,slots:Object,setup(o){const{mergedClsPrefixRef:u,mergedBorderedRef:S,inlineThemeDisabled:g,mergedRtlRef:c,mergedComponentPropsRef:I}=De(o),s=he("Input","-input",ot,Or,o,u);Wr&&Mr("-input-safari",rt,u);const t=z(null),a=z(null),y=z(null),$=z(null),b=z(null),P=z(null),C=z(null),w=nt(C),F=z(null),{localeRef:G}=Ur("Input"),V=z(o.defaultValue),J=We(o,"value"),W=Gr(J,V),H=Vr(o,{mergedSize:e=>{const{size:r}=o;if(r)return r;const{mergedSize:i}=e||{};if(i?.value)return i.value;const f=I?.value?.Input?.size;return f||"medium"}}),{mergedSizeRef:Q,mergedDisabledRef:L,mergedStatusRef:fe}=H,O=z(!1),X=z(!1),D=z(!1),Y=z(!1);let _=null;const Z=M(()=>{const{placeholder:e,pair:r}=o;return r?Array.isArray(e)?e:e===void 0?["",""]:[e,e]:e===void 0?[G.value.placeholder]:[e]}),ve=M(()=>{const{value:e}=D,{value:r}=W,{value:i}=Z;return!e&&(ce(r)||Array.isArray(r)&&ce(r[0]))&&i[0]}),je=M(()=>{const{value:e}=D,{value:r}=W,{value:i}=Z;return!e&&i[1]&&(ce(r)||Array.isArray(r)&&ce(r[1]))}),pe=Ee(()=>o.internalForceFocus||O.value),Ue=Ee(()=>{if(L.value||o.readonly||!o.clearable||!pe.value&&!X.value)return!1;const{value:e}=W,{value:r}=pe;return o.pair?!!(Array.isArray(e)&&(e[0]||e[1]))&&(X.value||r):!!e&&(X.value||r)}),ge=M(()=>{const{showPasswordOn:e}=o;if(e)return e;if(o.showPasswordToggle)return"click"}),ee=z(!1),Ge=M(()=>{const{textDecoration:e}=o;return e?Array.isArray(e)?e.map(r=>({textDecoration:r})):[{textDecoration:e}]:["",""]}),ze=z(void 0),Xe=()=>{if(o.type==="textarea"){const{autosize:e}=o;if(e&&(ze.value=F.value?.$el?.offsetWidth),!a.value||typeof e=="boolean")return;const{paddingTop:r,paddingBottom:i,lineHeight:f}=window.getComputedStyle(a.value),x=Number(r.slice(0,-2)),h=Number(i.slice(0,-2)),q=Number(f.slice(0,-2)),{value:K}=y;if(!K)return;if(e.minRows){const N=Math.max(e.minRows,1),xe=`${x+h+q*N}px`;K.style.minHeight=xe}if(e.maxRows){const N=`${x+h+q*e.maxRows}px`;K.style.maxHeight=N}}},Ye=M(()=>{const{maxlength:e}=o;return e===void 0?void 0:Number(e)});Dr(()=>{const{value:e}=W;Array.isArray(e)||me(e)});const qe=Hr().proxy;function ne(e,r){const{onUpdateValue:i,"onUpdate:value":f,onInput:x}=o,{nTriggerFormInput:h}=H;i&&R(i,e,r),f&&R(f,e,r),x&&R(x,e,r),V.value=e,h()}function ae(e,r){const{onChange:i}=o,{nTriggerFormChange:f}=H;i&&R(i,e,r),V.value=e,f()}function Je(e){const{onBlur:r}=o,{nTriggerFormBlur:i}=H;r&&R(r,e),i()}function Qe(e){const{onFocus:r}=o,{nTriggerFormFocus:i}=H;r&&R(r,e),i()}function Ze(e){const{onClear:r}=o;r&&R(r,e)}function eo(e){const{onInputBlur:r}=o;r&&R(r,e)}function oo(e){const{onInputFocus:r}=o;r&&R(r,e)}function ro(){const{onDeactivate:e}=o;e&&R(e)}function to(){const{onActivate:e}=o;e&&R(e)}function no(e){const{onClick:r}=o;r&&R(r,e)}function ao(e){const{onWrapperFocus:r}=o;r&&R(r,e)}function lo(e){const{onWrapperBlur:r}=o;r&&R(r,e)}function io(){D.value=!0}function so(e){D.value=!1,e.target===P.value?le(e,1):le(e,0)}function le(e,r=0,i="input"){const f=e.target.value;if(me(f),e instanceof InputEvent&&!e.isComposing&&(D.value=!1),o.type==="textarea"){const{value:h}=F;h&&h.syncUnifiedContainer()}if(_=f,D.value)return;w.recordCursor();const x=co(f);if(x)if(!o.pair)i==="input"?ne(f,{source:r}):ae(f,{source:r});else{let{value:h}=W;Array.isArray(h)?h=[h[0],h[1]]:h=["",""],h[r]=f,i==="input"?ne(h,{source:r}):ae(h,{source:r})}qe.$forceUpdate(),x||Fe(w.restoreCursor)}function co(e){const{countGraphemes:r,maxlength:i,minlength:f}=o;if(r){let h;if(i!==void 0&&(h===void 0&&(h=r(e)),h>Number(i))||f!==void 0&&(h===void 0&&(h=r(e)),h<Number(i)))return!1}const{allowInput:x}=o;return typeof x=="function"?x(e):!0}function uo(e){eo(e),e.relatedTarget===t.value&&ro(),e.relatedTarget!==null&&(e.relatedTarget===b.value||e.relatedTarget===P.value||e.relatedTarget===a.value)||(Y.value=!1),ie(e,"blur"),C.value=null}function ho(e,r){oo(e),O.value=!0,Y.value=!0,to(),ie(e,"focus"),r===0?C.value=b.value:r===1?C.value=P.value:r===2&&(C.value=a.value)}function fo(e){o.passivelyActivated&&(lo(e),ie(e,"blur"))}function vo(e){o.passivelyActivated&&(O.value=!0,ao(e),ie(e,"focus"))}function ie(e,r){e.relatedTarget!==null&&(e.relatedTarget===b.value||e.relatedTarget===P.value||e.relatedTarget===a.value||e.relatedTarget===t.value)||(r==="focus"?(Qe(e),O.value=!0):r==="blur"&&(Je(e),O.value=!1))}function po(e,r){le(e,r,"change")}function go(e){no(e)}function bo(e){Ze(e),Se()}function Se(){o.pair?(ne(["",""],{source:"clear"}),ae(["",""],{source:"clear"})):(ne("",{source:"clear"}),ae("",{source:"clear"}))}function mo(e){const{onMousedown:r}=o;r&&r(e);const{tagName:i}=e.target;if(i!=="INPUT"&&i!=="TEXTAREA"){if(o.resizable){const{value:f}=t;if(f){const{left:x,top:h,width:q,height:K}=f.getBoundingClientRect(),N=14;if(x+q-N<e.clientX&&e.clientX<x+q&&h+K-N<e.clientY&&e.clientY<h+K)return}}e.preventDefault(),O.value||Ie()}}function xo(){X.value=!0,o.type==="textarea"&&F.value?.handleMouseEnterWrapper()}function yo(){X.value=!1,o.type==="textarea"&&F.value?.handleMouseLeaveWrapper()}function Co(){L.value||ge.value==="click"&&(ee.value=!ee.value)}function wo(e){if(L.value)return;e.preventDefault();const r=f=>{f.preventDefault(),Be("mouseup",document,r)};if(Te("mouseup",document,r),ge.value!=="mousedown")return;ee.value=!0;const i=()=>{ee.value=!1,Be("mouseup",document,i)};Te("mouseup",document,i)}function zo(e){o.onKeyup&&R(o.onKeyup,e)}function So(e){switch(o.onKeydown&&R(o.onKeydown,e),e.key){case"Escape":be();break;case"Enter":Io(e)}}function Io(e){if(o.passivelyActivated){const{value:r}=Y;if(r){o.internalDeactivateOnEnter&&be();return}e.preventDefault(),o.type==="textarea"?a.value?.focus():b.value?.focus()}}function be(){o.passivelyActivated&&(Y.value=!1,Fe(()=>{t.value?.focus()}))}function Ie(){L.value||(o.passivelyActivated?t.value?.focus():(a.value?.focus(),b.value?.focus()))}function ko(){t.value?.contains(document.activeElement)&&document.activeElement.blur()}function Ao(){a.value?.select(),b.value?.select()}function Ro(){L.value||(a.value?a.value.focus():b.value&&b.value.focus())}function Po(){const{value:e}=t;e?.contains(document.activeElement)&&e!==document.activeElement&&be()}function _o(e){if(o.type==="textarea"){const{value:r}=a;r?.scrollTo(e)}else{const{value:r}=b;r?.scrollTo(e)}}function me(e){const{type:r,pair:i,autosize:f}=o;if(!i&&f)if(r==="textarea"){const{value:x}=y;x&&(x.textContent=`${e??""}\r
`)}else{const{value:x}=$;x&&(e?x.textContent=e:x.innerHTML="&nbsp;")}}function Eo(){Xe()}const ke=z({top:"0"});function $o(e){const{scrollTop:r}=e.target;ke.value.top=`${-r}px`,F.value?.syncUnifiedContainer()}let Ae=null;$e(()=>{const{autosize:e,type:r}=o;e&&r==="textarea"?Ae=we(W,i=>{!Array.isArray(i)&&i!==_&&me(i)}):Ae?.()});let Re=null;$e(()=>{o.type==="textarea"?Re=we(W,e=>{!Array.isArray(e)&&e!==_&&F.value?.syncUnifiedContainer()}):Re?.()}),Kr(Ne,{mergedValueRef:W,maxlengthRef:Ye,mergedClsPrefixRef:u,countGraphemesRef:We(o,"countGraphemes")});const Fo={wrapperElRef:t,inputElRef:b,textareaElRef:a,isCompositing:D,clear:Se,focus:Ie,blur:ko,select:Ao,deactivate:Po,activate:Ro,scrollTo:_o},To=He("Input",c,u),Pe=M(()=>{const{value:e}=Q,{common:{cubicBezierEaseInOut:r},self:{color:i,colorHover:f,borderRadius:x,textColor:h,caretColor:q,caretColorError:K,caretColorWarning:N,textDecorationColor:xe,border:Bo,borderDisabled:Wo,borderHover:Mo,borderFocus:Vo,placeholderColor:Do,placeholderColorDisabled:Ho,lineHeightTextarea:Lo,colorDisabled:Oo,colorFocus:Ko,textColorDisabled:No,boxShadowFocus:jo,iconSize:Uo,colorFocusWarning:Go,boxShadowFocusWarning:Xo,borderWarning:Yo,borderFocusWarning:qo,borderHoverWarning:Jo,colorFocusError:Qo,boxShadowFocusError:Zo,borderError:er,borderFocusError:or,borderHoverError:rr,clearSize:tr,clearColor:nr,clearColorHover:ar,clearColorPressed:lr,iconColor:ir,iconColorDisabled:sr,suffixTextColor:cr,countTextColor:ur,countTextColorDisabled:dr,iconColorHover:hr,iconColorPressed:fr,loadingColor:vr,loadingColorError:pr,loadingColorWarning:gr,fontWeight:br,[B("padding",e)]:mr,[B("fontSize",e)]:xr,[B("height",e)]:yr}}=s.value,{left:Cr,right:wr}=Oe(mr);return{"--n-bezier":r,"--n-count-text-color":ur,"--n-count-text-color-disabled":dr,"--n-color":i,"--n-color-hover":f,"--n-font-size":xr,"--n-font-weight":br,"--n-border-radius":x,"--n-height":yr,"--n-padding-left":Cr,"--n-padding-right":wr,"--n-text-color":h,"--n-caret-color":q,"--n-text-decoration-color":xe,"--n-border":Bo,"--n-border-disabled":Wo,"--n-border-hover":Mo,"--n-border-focus":Vo,"--n-placeholder-color":Do,"--n-placeholder-color-disabled":Ho,"--n-icon-size":Uo,"--n-line-height-textarea":Lo,"--n-color-disabled":Oo,"--n-color-focus":Ko,"--n-text-color-disabled":No,"--n-box-shadow-focus":jo,"--n-loading-color":vr,"--n-caret-color-warning":N,"--n-color-focus-warning":Go,"--n-box-shadow-focus-warning":Xo,"--n-border-warning":Yo,"--n-border-focus-warning":qo,"--n-border-hover-warning":Jo,"--n-loading-color-warning":gr,"--n-caret-color-error":K,"--n-color-focus-error":Qo,"--n-box-shadow-focus-error":Zo,"--n-border-error":er,"--n-border-focus-error":or,"--n-border-hover-error":rr,"--n-loading-color-error":pr,"--n-clear-color":nr,"--n-clear-size":tr,"--n-clear-color-hover":ar,"--n-clear-color-pressed":lr,"--n-icon-color":ir,"--n-icon-color-hover":hr,"--n-icon-color-pressed":fr,"--n-icon-color-disabled":sr,"--n-suffix-text-color":cr}}),_e=g?Le("input",M(()=>{const{value:e}=Q;return e[0]}),Pe,o):void 0;return{...Fo,wrapperElRef:t,inputElRef:b,inputMirrorElRef:$,inputEl2Ref:P,textareaElRef:a,textareaMirrorElRef:y,textareaScrollbarInstRef:F,rtlEnabled:To,uncontrolledValue:V,mergedValue:W,passwordVisible:ee,mergedPlaceholder:Z,showPlaceholder1:ve,showPlaceholder2:je,mergedFocus:pe,isComposing:D,activated:Y,showClearButton:Ue,mergedSize:Q,mergedDisabled:L,textDecorationStyle:Ge,mergedClsPrefix:u,mergedBordered:S,mergedShowPasswordOn:ge,placeholderStyle:ke,mergedStatus:fe,textAreaScrollContainerWidth:ze,handleTextAreaScroll:$o,handleCompositionStart:io,handleCompositionEnd:so,handleInput:le,handleInputBlur:uo,handleInputFocus:ho,handleWrapperBlur:fo,handleWrapperFocus:vo,handleMouseEnter:xo,handleMouseLeave:yo,handleMouseDown:mo,handleChange:po,handleClick:go,handleClear:bo,handlePasswordToggleClick:Co,handlePasswordToggleMousedown:wo,handleWrapperKeydown:So,handleWrapperKeyup:zo,handleTextAreaMirrorResize:Eo,getTextareaScrollContainer:()=>a.value,mergedTheme:s,cssVars:g?void 0:Pe,themeClass:_e?.themeClass,onRender:_e?.onRender}},render(){const{mergedClsPrefix:o,mergedStatus:u,themeClass:S,type:g,countGraphemes:c,onRender:I}=this,s=this.$slots;return I?.(),l(),m("div",{ref:"wrapperElRef",class:v([`${o}-input`,`${o}-input--${this.mergedSize}-size`,S,u&&`${o}-input--${u}-status`,{[`${o}-input--rtl`]:this.rtlEnabled,[`${o}-input--disabled`]:this.mergedDisabled,[`${o}-input--textarea`]:g==="textarea",[`${o}-input--resizable`]:this.resizable&&!this.autosize,[`${o}-input--autosize`]:this.autosize,[`${o}-input--round`]:this.round&&g!=="textarea",[`${o}-input--pair`]:this.pair,[`${o}-input--focus`]:this.mergedFocus,[`${o}-input--stateful`]:this.stateful}]),style:se(this.cssVars),tabindex:!this.mergedDisabled&&this.passivelyActivated&&!this.activated?0:void 0,onFocus:this.handleWrapperFocus,onBlur:this.handleWrapperBlur,onClick:this.handleClick,onMousedown:this.handleMouseDown,onMouseenter:this.handleMouseEnter,onMouseleave:this.handleMouseLeave,onCompositionstart:this.handleCompositionStart,onCompositionend:this.handleCompositionEnd,onKeyup:this.handleWrapperKeyup,onKeydown:this.handleWrapperKeydown},[A("div",{class:v(`${o}-input-wrapper`)},[d(()=>re(s.prefix,t=>t&&(l(),m("div",{class:v(`${o}-input__prefix`)},[d(()=>t)],2)))),g==="textarea"?(l(),k(Br,{key:0,ref:"textareaScrollbarInstRef",class:v(`${o}-input__textarea`),container:this.getTextareaScrollContainer,theme:this.theme?.peers?.Scrollbar,themeOverrides:this.themeOverrides?.peers?.Scrollbar,triggerDisplayManually:!0,useUnifiedContainer:!0,internalHoistYRail:!0},{default:()=>{const{textAreaScrollContainerWidth:t}=this,a={width:this.autosize&&t&&`${t}px`};return l(),m(ye,null,[A("textarea",de(this.inputProps,{ref:"textareaElRef",class:[`${o}-input__textarea-el`,this.inputProps?.class],autofocus:this.autofocus,rows:Number(this.rows),placeholder:this.placeholder,value:this.mergedValue,disabled:this.mergedDisabled,maxlength:c?void 0:this.maxlength,minlength:c?void 0:this.minlength,readonly:this.readonly,tabindex:this.passivelyActivated&&!this.activated?-1:void 0,style:[this.textDecorationStyle[0],this.inputProps?.style,a],onBlur:this.handleInputBlur,onFocus:y=>{this.handleInputFocus(y,2)},onInput:this.handleInput,onChange:this.handleChange,onScroll:this.handleTextAreaScroll}),null,16,at),this.showPlaceholder1?(l(),m("div",{class:v(`${o}-input__placeholder`),style:se([this.placeholderStyle,a]),key:"placeholder"},[d(()=>this.mergedPlaceholder[0])],6)):d(()=>null),this.autosize?(l(),k(Lr,{key:2,onResize:this.handleTextAreaMirrorResize},{default:()=>(l(),m("div",{ref:"textareaMirrorElRef",class:v(`${o}-input__textarea-mirror`),key:"mirror"},null,2))},1032,["onResize"])):d(()=>null)],64)}},1032,["class","container","theme","themeOverrides"])):(l(),m("div",{key:1,class:v(`${o}-input__input`)},[A("input",de({type:g==="password"&&this.mergedShowPasswordOn&&this.passwordVisible?"text":g},this.inputProps,{ref:"inputElRef",class:[`${o}-input__input-el`,this.inputProps?.class],style:[this.textDecorationStyle[0],this.inputProps?.style],tabindex:this.passivelyActivated&&!this.activated?-1:this.inputProps?.tabindex,placeholder:this.mergedPlaceholder[0],disabled:this.mergedDisabled,maxlength:c?void 0:this.maxlength,minlength:c?void 0:this.minlength,value:Array.isArray(this.mergedValue)?this.mergedValue[0]:this.mergedValue,readonly:this.readonly,autofocus:this.autofocus,size:this.attrSize,onBlur:this.handleInputBlur,onFocus:t=>{this.handleInputFocus(t,0)},onInput:t=>{this.handleInput(t,0)},onChange:t=>{this.handleChange(t,0)}}),null,16,lt),this.showPlaceholder1?(l(),m("div",{key:0,class:v(`${o}-input__placeholder`)},[A("span",null,[d(()=>this.mergedPlaceholder[0])])],2)):d(()=>null),this.autosize?(l(),m("div",{class:v(`${o}-input__input-mirror`),key:"mirror",ref:"inputMirrorElRef"}," ",2)):d(()=>null)],2)),d(()=>!this.pair&&re(s.suffix,t=>t||this.clearable||this.showCount||this.mergedShowPasswordOn||this.loading!==void 0?(l(),m("div",{key:1,class:v(`${o}-input__suffix`)},[d(()=>[re(s["clear-icon-placeholder"],a=>(this.clearable||a)&&(l(),k(Me,{clsPrefix:o,show:this.showClearButton,onClear:this.handleClear},{placeholder:()=>a,icon:()=>this.$slots["clear-icon"]?.()},1032,["clsPrefix","show","onClear"]))),this.internalLoadingBeforeSuffix?null:t,this.loading!==void 0?(l(),k(Xr,{key:2,clsPrefix:o,loading:this.loading,showArrow:!1,showClear:!1,style:se(this.cssVars)},null,8,["clsPrefix","loading","style"])):null,this.internalLoadingBeforeSuffix?t:null,this.showCount&&this.type!=="textarea"?(l(),k(Ve,{key:3},{default:a=>{const{renderCount:y}=this;return y?y(a):s.count?.(a)}},1024)):null,this.mergedShowPasswordOn&&this.type==="password"?(l(),m("div",{key:4,class:v(`${o}-input__eye`),onMousedown:this.handlePasswordToggleMousedown,onClick:this.handlePasswordToggleClick},[this.passwordVisible?(l(),m(ye,{key:0},[d(()=>ue(s["password-visible-icon"],()=>[(l(),k(Ce,{clsPrefix:o},{default:()=>(l(),k(Zr))},1032,["clsPrefix"]))]))],64)):(l(),m(ye,{key:1},[d(()=>ue(s["password-invisible-icon"],()=>[(l(),k(Ce,{clsPrefix:o},{default:()=>(l(),k(et))},1032,["clsPrefix"]))]))],64))],42,it)):null])],2)):null))],2),this.pair?(l(),m("span",{key:0,class:v(`${o}-input__separator`)},[d(()=>ue(s.separator,()=>[this.separator]))],2)):d(()=>null),this.pair?(l(),m("div",{key:2,class:v(`${o}-input-wrapper`)},[A("div",{class:v(`${o}-input__input`)},[A("input",{ref:"inputEl2Ref",type:this.type,class:v(`${o}-input__input-el`),tabindex:this.passivelyActivated&&!this.activated?-1:void 0,placeholder:this.mergedPlaceholder[1],disabled:this.mergedDisabled,maxlength:c?void 0:this.maxlength,minlength:c?void 0:this.minlength,value:Array.isArray(this.mergedValue)?this.mergedValue[1]:void 0,readonly:this.readonly,style:se(this.textDecorationStyle[1]),onBlur:this.handleInputBlur,onFocus:t=>{this.handleInputFocus(t,1)},onInput:t=>{this.handleInput(t,1)},onChange:t=>{this.handleChange(t,1)}},null,46,st),this.showPlaceholder2?(l(),m("div",{key:0,class:v(`${o}-input__placeholder`)},[A("span",null,[d(()=>this.mergedPlaceholder[1])])],2)):d(()=>null)],2),d(()=>re(s.suffix,t=>(this.clearable||t)&&(l(),m("div",{class:v(`${o}-input__suffix`)},[d(()=>[this.clearable&&(l(),k(Me,{clsPrefix:o,show:this.showClearButton,onClear:this.handleClear},{icon:()=>s["clear-icon"]?.(),placeholder:()=>s["clear-icon-placeholder"]?.()},1032,["clsPrefix","show","onClear"])),t])],2))))],2)):d(()=>null),this.mergedBordered?(l(),m("div",{key:4,class:v(`${o}-input__border`)},null,2)):d(()=>null),this.mergedBordered?(l(),m("div",{key:6,class:v(`${o}-input__state-border`)},null,2)):d(()=>null),this.showCount&&g==="textarea"?(l(),k(Ve,{key:8},{default:t=>{const{renderCount:a}=this;return a?a(t):s.count?.(t)}},1024)):d(()=>null)],46,ct)}});function pt(o){const u=jr(null),S=z(!1),g=z(""),c=z(!1);async function I(){S.value=!0;try{u.value=await o(),g.value="",c.value=!1}catch(s){s instanceof Nr&&s.unavailable?c.value=!0:g.value=s instanceof Error?s.message:String(s)}finally{S.value=!1}}return{data:u,loading:S,error:g,unavailable:c,reload:I}}function gt(o){return o instanceof Error?o.message:String(o)}export{ft as A,vt as I,gt as e,pt as u};
