import{af as J,cF as K,ag as v,cr as C,c as y,b as s,d as $,ak as X,a0 as Y,e as Z,u as W,o as t,z as p,ap as q,j as G,Q as U,l as ee,m as A,H as k,f as _,g as b,ac as oe,n as P,b2 as re,aj as ne,aY as le,aX as te,aW as se,aZ as ae,h as ie,aQ as ce,L as w,aT as de,aJ as d,aD as ue,cp as fe}from"./index-0AYua6BM.js";function ge(e){const{lineHeight:n,borderRadius:a,fontWeightStrong:i,baseColor:r,dividerColor:x,actionColor:u,textColor1:g,textColor2:f,closeColorHover:h,closeColorPressed:m,closeIconColor:I,closeIconColorHover:z,closeIconColorPressed:l,infoColor:o,successColor:S,warningColor:T,errorColor:E,fontSize:R}=e;return{...K,fontSize:R,lineHeight:n,titleFontWeight:i,borderRadius:a,border:`1px solid ${x}`,color:u,titleTextColor:g,iconColor:f,contentTextColor:f,closeBorderRadius:a,closeColorHover:h,closeColorPressed:m,closeIconColor:I,closeIconColorHover:z,closeIconColorPressed:l,borderInfo:`1px solid ${v(r,C(o,{alpha:.25}))}`,colorInfo:v(r,C(o,{alpha:.08})),titleTextColorInfo:g,iconColorInfo:o,contentTextColorInfo:f,closeColorHoverInfo:h,closeColorPressedInfo:m,closeIconColorInfo:I,closeIconColorHoverInfo:z,closeIconColorPressedInfo:l,borderSuccess:`1px solid ${v(r,C(S,{alpha:.25}))}`,colorSuccess:v(r,C(S,{alpha:.08})),titleTextColorSuccess:g,iconColorSuccess:S,contentTextColorSuccess:f,closeColorHoverSuccess:h,closeColorPressedSuccess:m,closeIconColorSuccess:I,closeIconColorHoverSuccess:z,closeIconColorPressedSuccess:l,borderWarning:`1px solid ${v(r,C(T,{alpha:.33}))}`,colorWarning:v(r,C(T,{alpha:.08})),titleTextColorWarning:g,iconColorWarning:T,contentTextColorWarning:f,closeColorHoverWarning:h,closeColorPressedWarning:m,closeIconColorWarning:I,closeIconColorHoverWarning:z,closeIconColorPressedWarning:l,borderError:`1px solid ${v(r,C(E,{alpha:.25}))}`,colorError:v(r,C(E,{alpha:.08})),titleTextColorError:g,iconColorError:E,contentTextColorError:f,closeColorHoverError:h,closeColorPressedError:m,closeIconColorError:I,closeIconColorHoverError:z,closeIconColorPressedError:l}}const he={common:J,self:ge};var ve=y("alert",`
 line-height: var(--n-line-height);
 border-radius: var(--n-border-radius);
 position: relative;
 transition: background-color .3s var(--n-bezier);
 background-color: var(--n-color);
 text-align: start;
 word-break: break-word;
`,[s("border",`
 border-radius: inherit;
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 transition: border-color .3s var(--n-bezier);
 border: var(--n-border);
 pointer-events: none;
 `),$("closable",[y("alert-body",[s("title",`
 padding-right: 24px;
 `)])]),s("icon",{color:"var(--n-icon-color)"}),y("alert-body",{padding:"var(--n-padding)"},[s("title",{color:"var(--n-title-text-color)"}),s("content",{color:"var(--n-content-text-color)"})]),X({originalTransition:"transform .3s var(--n-bezier)",enterToProps:{transform:"scale(1)"},leaveToProps:{transform:"scale(0.9)"}}),s("icon",`
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
 `),s("close",`
 transition:
 color .3s var(--n-bezier),
 background-color .3s var(--n-bezier);
 position: absolute;
 right: 0;
 top: 0;
 margin: var(--n-close-margin);
 `),$("show-icon",[y("alert-body",{paddingLeft:"calc(var(--n-icon-margin-left) + var(--n-icon-size) + var(--n-icon-margin-right))"})]),$("right-adjust",[y("alert-body",{paddingRight:"calc(var(--n-close-size) + var(--n-padding) + 2px)"})]),y("alert-body",`
 border-radius: var(--n-border-radius);
 transition: border-color .3s var(--n-bezier);
 `,[s("title",`
 transition: color .3s var(--n-bezier);
 font-size: 16px;
 line-height: 19px;
 font-weight: var(--n-title-font-weight);
 `,[Y("& +",[s("content",{marginTop:"9px"})])]),s("content",{transition:"color .3s var(--n-bezier)",fontSize:"var(--n-font-size)"})]),s("icon",{transition:"color .3s var(--n-bezier)"})]);const Ce={...W.props,title:String,showIcon:{type:Boolean,default:!0},type:{type:String,default:"default"},bordered:{type:Boolean,default:!0},closable:Boolean,onClose:Function,onAfterLeave:Function,onAfterHide:Function};var me=Z({name:"Alert",inheritAttrs:!1,props:Ce,slots:Object,setup(e){const{mergedClsPrefixRef:n,mergedBorderedRef:a,inlineThemeDisabled:i,mergedRtlRef:r}=G(e),x=W("Alert","-alert",ve,he,e,n),u=U("Alert",r,n),g=A(()=>{const{common:{cubicBezierEaseInOut:l},self:o}=x.value,{fontSize:S,borderRadius:T,titleFontWeight:E,lineHeight:R,iconSize:B,iconMargin:H,iconMarginRtl:L,closeIconSize:F,closeBorderRadius:j,closeSize:M,closeMargin:V,closeMarginRtl:D,padding:N}=o,{type:c}=e,{left:O,right:Q}=de(H);return{"--n-bezier":l,"--n-color":o[d("color",c)],"--n-close-icon-size":F,"--n-close-border-radius":j,"--n-close-color-hover":o[d("closeColorHover",c)],"--n-close-color-pressed":o[d("closeColorPressed",c)],"--n-close-icon-color":o[d("closeIconColor",c)],"--n-close-icon-color-hover":o[d("closeIconColorHover",c)],"--n-close-icon-color-pressed":o[d("closeIconColorPressed",c)],"--n-icon-color":o[d("iconColor",c)],"--n-border":o[d("border",c)],"--n-title-text-color":o[d("titleTextColor",c)],"--n-content-text-color":o[d("contentTextColor",c)],"--n-line-height":R,"--n-border-radius":T,"--n-font-size":S,"--n-title-font-weight":E,"--n-icon-size":B,"--n-icon-margin":H,"--n-icon-margin-rtl":L,"--n-close-size":M,"--n-close-margin":V,"--n-close-margin-rtl":D,"--n-padding":N,"--n-icon-margin-left":O,"--n-icon-margin-right":Q}}),f=i?ee("alert",A(()=>e.type[0]),g,e):void 0,h=k(!0),m=()=>{const{onAfterLeave:l,onAfterHide:o}=e;l&&l(),o&&o()};return{rtlEnabled:u,mergedClsPrefix:n,mergedBordered:a,visible:h,handleCloseClick:()=>{Promise.resolve(e.onClose?.()).then(l=>{l!==!1&&(h.value=!1)})},handleAfterLeave:()=>{m()},mergedTheme:x,cssVars:i?void 0:g,themeClass:f?.themeClass,onRender:f?.onRender}},render(){return this.onRender?.(),t(),p(q,{onAfterLeave:this.handleAfterLeave},{default:()=>{const{mergedClsPrefix:e,$slots:n}=this,a={class:[`${e}-alert`,this.themeClass,this.closable&&`${e}-alert--closable`,this.showIcon&&`${e}-alert--show-icon`,!this.title&&this.closable&&`${e}-alert--right-adjust`,this.rtlEnabled&&`${e}-alert--rtl`],style:this.cssVars,role:"alert"};return this.visible?(t(),_("div",w({key:1},w(this.$attrs,a)),[b(()=>this.closable&&(t(),p(oe,{clsPrefix:e,class:P(`${e}-alert__close`),onClick:this.handleCloseClick},null,8,["clsPrefix","class","onClick"]))),b(()=>this.bordered&&(t(),_("div",{class:P(`${e}-alert__border`)},null,2))),b(()=>this.showIcon&&(t(),_("div",{class:P(`${e}-alert__icon`),"aria-hidden":"true"},[b(()=>re(n.icon,()=>[(t(),p(ne,{clsPrefix:e},{default:()=>{switch(this.type){case"success":return t(),p(ae,{key:3});case"info":return t(),p(se,{key:4});case"warning":return t(),p(te,{key:5});case"error":return t(),p(le,{key:6});default:return null}}},1032,["clsPrefix"]))]))],2))),ie("div",{class:P([`${e}-alert-body`,this.mergedBordered&&`${e}-alert-body--bordered`])},[b(()=>ce(n.header,i=>{const r=i||this.title;return r?(t(),_("div",{key:2,class:P(`${e}-alert-body__title`)},[b(()=>r)],2)):null})),b(()=>n.default&&(t(),_("div",{class:P(`${e}-alert-body__content`)},[b(()=>n.default())],2)))],2)],16)):null}},1032,["onAfterLeave"])}});function pe(e){const n=fe(null),a=k(!1),i=k(""),r=k(!1);async function x(){a.value=!0;try{n.value=await e(),i.value="",r.value=!1}catch(u){u instanceof ue&&u.unavailable?r.value=!0:i.value=u instanceof Error?u.message:String(u)}finally{a.value=!1}}return{data:n,loading:a,error:i,unavailable:r,reload:x}}function xe(e){return e instanceof Error?e.message:String(e)}export{me as A,xe as e,pe as u};
