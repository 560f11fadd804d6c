import{e as V,I as Ae,J as Ye,o as i,f as y,z as A,T as ot,K as ie,n as $,i as W,g as I,S as ye,L as G,M as he,N as ft,H as U,O as ee,P as Me,j as se,Q as gt,R as Ee,U as bt,V as rt,W as pt,m as b,X as yt,Y as te,Z as xt,_ as Ct,$ as wt,a0 as h,a1 as xe,c as u,d as w,b as m,a2 as zt,u as oe,a3 as St,a4 as It,a5 as kt,l as me,a6 as Rt,a7 as K,a8 as $t,a9 as Pt,aa as ae,h as D,F as X,ab as _t,ac as Tt,ad as Bt,ae as At,af as Et,ag as qe,ah as ve,ai as nt,aj as it,a as ce,ak as Ht,al as Oe,am as le,an as He,ao as Le,ap as Nt,aq as Te,ar as Ft,as as Mt,at as Ot,p as Lt,q as Dt,r as Ut,y as be,t as F,s as q,w as Q,E as Xe,B as Ge,au as Ze,av as Kt,A as Vt,aw as jt,x as Wt,v as Yt,ax as qt}from"./index-0AYua6BM.js";import{f as de,V as Xt,c as Be}from"./Select-at1TLeNJ.js";import{u as ue,_ as Gt}from"./_plugin-vue_export-helper-xv-J9KQq.js";import{C as Zt}from"./ChevronRight-CnC_i75B.js";import{T as Jt}from"./Tooltip-DzsHXTfY.js";import{D as Qt}from"./Dropdown-DoF0pYXk.js";import{u as eo}from"./use-compitable-B22rUASP.js";import{P as to}from"./PrefsControls-DzhS44-v.js";import{u as oo}from"./live-DAWBzn6j.js";import"./Suffix-DRYQ0bC9.js";import"./cssr-C-fuwc_s.js";import"./Tag-BmbKm0EJ.js";import"./series-CJ29tG07.js";const ro=["onMouseenter","onMouseleave","onMousedown"],no={key:1,role:"none"};var io=V({name:"NDrawerContent",inheritAttrs:!1,props:{blockScroll:Boolean,show:{type:Boolean,default:void 0},displayDirective:{type:String,required:!0},placement:{type:String,required:!0},contentClass:String,contentStyle:[Object,String],nativeScrollbar:{type:Boolean,required:!0},scrollbarProps:Object,trapFocus:{type:Boolean,default:!0},autoFocus:{type:Boolean,default:!0},showMask:{type:[Boolean,String],required:!0},maxWidth:Number,maxHeight:Number,minWidth:Number,minHeight:Number,resizable:Boolean,onClickoutside:Function,onAfterLeave:Function,onAfterEnter:Function,onEsc:Function},setup(e){const t=U(!!e.show),o=U(null),l=ee(Me);let s=0,a="",c=null;const v=U(!1),f=U(!1),g=b(()=>e.placement==="top"||e.placement==="bottom"),{mergedClsPrefixRef:P,mergedRtlRef:R}=se(e),z=gt("Drawer",R,P),H=d,S=k=>{f.value=!0,s=g.value?k.clientY:k.clientX,a=document.body.style.cursor,document.body.style.cursor=g.value?"ns-resize":"ew-resize",document.body.addEventListener("mousemove",E),document.body.addEventListener("mouseleave",H),document.body.addEventListener("mouseup",d)},C=()=>{c!==null&&(window.clearTimeout(c),c=null),f.value?v.value=!0:c=window.setTimeout(()=>{v.value=!0},300)},M=()=>{c!==null&&(window.clearTimeout(c),c=null),v.value=!1},{doUpdateHeight:L,doUpdateWidth:J}=l,Y=k=>{const{maxWidth:N}=e;if(N&&k>N)return N;const{minWidth:T}=e;return T&&k<T?T:k},Z=k=>{const{maxHeight:N}=e;if(N&&k>N)return N;const{minHeight:T}=e;return T&&k<T?T:k};function E(k){if(f.value)if(g.value){let N=o.value?.offsetHeight||0;const T=s-k.clientY;N+=e.placement==="bottom"?T:-T,N=Z(N),L(N),s=k.clientY}else{let N=o.value?.offsetWidth||0;const T=s-k.clientX;N+=e.placement==="right"?T:-T,N=Y(N),J(N),s=k.clientX}}function d(){f.value&&(s=0,f.value=!1,document.body.style.cursor=a,document.body.removeEventListener("mousemove",E),document.body.removeEventListener("mouseup",d),document.body.removeEventListener("mouseleave",H))}Ee(()=>{e.show&&(t.value=!0)}),bt(()=>e.show,k=>{k||d()}),rt(()=>{d()});const _=b(()=>{const{show:k}=e,N=[[Ye,k]];return e.showMask||N.push([yt,e.onClickoutside,void 0,{capture:!0}]),N});function O(){t.value=!1,e.onAfterLeave?.()}return pt(b(()=>e.blockScroll&&t.value)),te(xt,o),te(Ct,null),te(wt,null),{bodyRef:o,rtlEnabled:z,mergedClsPrefix:l.mergedClsPrefixRef,isMounted:l.isMountedRef,mergedTheme:l.mergedThemeRef,displayed:t,transitionName:b(()=>({right:"slide-in-from-right-transition",left:"slide-in-from-left-transition",top:"slide-in-from-top-transition",bottom:"slide-in-from-bottom-transition"})[e.placement]),handleAfterLeave:O,bodyDirectives:_,handleMousedownResizeTrigger:S,handleMouseenterResizeTrigger:C,handleMouseleaveResizeTrigger:M,isDragging:f,isHoverOnResizeTrigger:v}},render(){const{$slots:e,mergedClsPrefix:t}=this;return this.displayDirective==="show"||this.displayed||this.show?Ae((i(),y("div",no,[(i(),A(ft,{disabled:!this.showMask||!this.trapFocus,active:this.show,autoFocus:this.autoFocus,onEsc:this.onEsc},{default:()=>(i(),A(ot,{name:this.transitionName,appear:this.isMounted,onAfterEnter:this.onAfterEnter,onAfterLeave:this.handleAfterLeave},{default:()=>Ae(ie("div",G(this.$attrs,{role:"dialog",ref:"bodyRef","aria-modal":"true",class:[`${t}-drawer`,this.rtlEnabled&&`${t}-drawer--rtl`,`${t}-drawer--${this.placement}-placement`,this.isDragging&&`${t}-drawer--unselectable`,this.nativeScrollbar&&`${t}-drawer--native-scrollbar`]}),[this.resizable?(i(),y("div",{key:2,class:$([`${t}-drawer__resize-trigger`,(this.isDragging||this.isHoverOnResizeTrigger)&&`${t}-drawer__resize-trigger--hover`]),onMouseenter:this.handleMouseenterResizeTrigger,onMouseleave:this.handleMouseleaveResizeTrigger,onMousedown:this.handleMousedownResizeTrigger},null,42,ro)):null,this.nativeScrollbar?(i(),y("div",{key:3,class:$([`${t}-drawer-content-wrapper`,this.contentClass]),style:W(this.contentStyle),role:"none"},[I(()=>e.default?.())],6)):(i(),A(ye,G({key:4},this.scrollbarProps,{contentStyle:this.contentStyle,contentClass:[`${t}-drawer-content-wrapper`,this.contentClass],theme:this.mergedTheme.peers.Scrollbar,themeOverrides:this.mergedTheme.peerOverrides.Scrollbar}),he(e),1040,["contentStyle","contentClass","theme","themeOverrides"]))]),this.bodyDirectives)},1032,["name","appear","onAfterEnter","onAfterLeave"]))},1032,["disabled","active","autoFocus","onEsc"]))])),[[Ye,this.displayDirective==="if"||this.displayed||this.show]]):null}});const{cubicBezierEaseIn:lo,cubicBezierEaseOut:ao}=xe;function so({duration:e="0.3s",leaveDuration:t="0.2s",name:o="slide-in-from-bottom"}={}){return[h(`&.${o}-transition-leave-active`,{transition:`transform ${t} ${lo}`}),h(`&.${o}-transition-enter-active`,{transition:`transform ${e} ${ao}`}),h(`&.${o}-transition-enter-to`,{transform:"translateY(0)"}),h(`&.${o}-transition-enter-from`,{transform:"translateY(100%)"}),h(`&.${o}-transition-leave-from`,{transform:"translateY(0)"}),h(`&.${o}-transition-leave-to`,{transform:"translateY(100%)"})]}const{cubicBezierEaseIn:co,cubicBezierEaseOut:uo}=xe;function ho({duration:e="0.3s",leaveDuration:t="0.2s",name:o="slide-in-from-left"}={}){return[h(`&.${o}-transition-leave-active`,{transition:`transform ${t} ${co}`}),h(`&.${o}-transition-enter-active`,{transition:`transform ${e} ${uo}`}),h(`&.${o}-transition-enter-to`,{transform:"translateX(0)"}),h(`&.${o}-transition-enter-from`,{transform:"translateX(-100%)"}),h(`&.${o}-transition-leave-from`,{transform:"translateX(0)"}),h(`&.${o}-transition-leave-to`,{transform:"translateX(-100%)"})]}const{cubicBezierEaseIn:mo,cubicBezierEaseOut:vo}=xe;function fo({duration:e="0.3s",leaveDuration:t="0.2s",name:o="slide-in-from-right"}={}){return[h(`&.${o}-transition-leave-active`,{transition:`transform ${t} ${mo}`}),h(`&.${o}-transition-enter-active`,{transition:`transform ${e} ${vo}`}),h(`&.${o}-transition-enter-to`,{transform:"translateX(0)"}),h(`&.${o}-transition-enter-from`,{transform:"translateX(100%)"}),h(`&.${o}-transition-leave-from`,{transform:"translateX(0)"}),h(`&.${o}-transition-leave-to`,{transform:"translateX(100%)"})]}const{cubicBezierEaseIn:go,cubicBezierEaseOut:bo}=xe;function po({duration:e="0.3s",leaveDuration:t="0.2s",name:o="slide-in-from-top"}={}){return[h(`&.${o}-transition-leave-active`,{transition:`transform ${t} ${go}`}),h(`&.${o}-transition-enter-active`,{transition:`transform ${e} ${bo}`}),h(`&.${o}-transition-enter-to`,{transform:"translateY(0)"}),h(`&.${o}-transition-enter-from`,{transform:"translateY(-100%)"}),h(`&.${o}-transition-leave-from`,{transform:"translateY(0)"}),h(`&.${o}-transition-leave-to`,{transform:"translateY(-100%)"})]}var yo=h([u("drawer",`
 word-break: break-word;
 line-height: var(--n-line-height);
 position: absolute;
 pointer-events: all;
 box-shadow: var(--n-box-shadow);
 transition:
 background-color .3s var(--n-bezier),
 color .3s var(--n-bezier);
 background-color: var(--n-color);
 color: var(--n-text-color);
 box-sizing: border-box;
 `,[fo(),ho(),po(),so(),w("unselectable",`
 user-select: none; 
 -webkit-user-select: none;
 `),w("native-scrollbar",[u("drawer-content-wrapper",`
 overflow: auto;
 height: 100%;
 `)]),m("resize-trigger",`
 position: absolute;
 background-color: #0000;
 transition: background-color .3s var(--n-bezier);
 `,[w("hover",`
 background-color: var(--n-resize-trigger-color-hover);
 `)]),u("drawer-content-wrapper",`
 box-sizing: border-box;
 `),u("drawer-content",`
 height: 100%;
 display: flex;
 flex-direction: column;
 `,[w("native-scrollbar",[u("drawer-body-content-wrapper",`
 height: 100%;
 overflow: auto;
 `)]),u("drawer-body",`
 flex: 1 0 0;
 overflow: hidden;
 `),u("drawer-body-content-wrapper",`
 box-sizing: border-box;
 padding: var(--n-body-padding);
 `),u("drawer-header",`
 font-weight: var(--n-title-font-weight);
 line-height: 1;
 font-size: var(--n-title-font-size);
 color: var(--n-title-text-color);
 padding: var(--n-header-padding);
 transition: border .3s var(--n-bezier);
 border-bottom: 1px solid var(--n-divider-color);
 border-bottom: var(--n-header-border-bottom);
 display: flex;
 justify-content: space-between;
 align-items: center;
 `,[m("main",`
 flex: 1;
 `),m("close",`
 margin-left: 6px;
 transition:
 background-color .3s var(--n-bezier),
 color .3s var(--n-bezier);
 `)]),u("drawer-footer",`
 display: flex;
 justify-content: flex-end;
 border-top: var(--n-footer-border-top);
 transition: border .3s var(--n-bezier);
 padding: var(--n-footer-padding);
 `)]),w("right-placement",`
 top: 0;
 bottom: 0;
 right: 0;
 border-top-left-radius: var(--n-border-radius);
 border-bottom-left-radius: var(--n-border-radius);
 `,[m("resize-trigger",`
 width: 3px;
 height: 100%;
 top: 0;
 left: 0;
 transform: translateX(-1.5px);
 cursor: ew-resize;
 `)]),w("left-placement",`
 top: 0;
 bottom: 0;
 left: 0;
 border-top-right-radius: var(--n-border-radius);
 border-bottom-right-radius: var(--n-border-radius);
 `,[m("resize-trigger",`
 width: 3px;
 height: 100%;
 top: 0;
 right: 0;
 transform: translateX(1.5px);
 cursor: ew-resize;
 `)]),w("top-placement",`
 top: 0;
 left: 0;
 right: 0;
 border-bottom-left-radius: var(--n-border-radius);
 border-bottom-right-radius: var(--n-border-radius);
 `,[m("resize-trigger",`
 width: 100%;
 height: 3px;
 bottom: 0;
 left: 0;
 transform: translateY(1.5px);
 cursor: ns-resize;
 `)]),w("bottom-placement",`
 left: 0;
 bottom: 0;
 right: 0;
 border-top-left-radius: var(--n-border-radius);
 border-top-right-radius: var(--n-border-radius);
 `,[m("resize-trigger",`
 width: 100%;
 height: 3px;
 top: 0;
 left: 0;
 transform: translateY(-1.5px);
 cursor: ns-resize;
 `)])]),h("body",[h(">",[u("drawer-container",`
 position: fixed;
 `)])]),u("drawer-container",`
 position: relative;
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 pointer-events: none;
 `,[h("> *",`
 pointer-events: all;
 `)]),u("drawer-mask",`
 background-color: rgba(0, 0, 0, .3);
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 `,[w("invisible",`
 background-color: rgba(0, 0, 0, 0)
 `),zt({enterDuration:"0.2s",leaveDuration:"0.2s",enterCubicBezier:"var(--n-bezier-in)",leaveCubicBezier:"var(--n-bezier-out)"})])]);const xo=["onClick"],Co={...oe.props,show:Boolean,width:[Number,String],height:[Number,String],placement:{type:String,default:"right"},maskClosable:{type:Boolean,default:!0},showMask:{type:[Boolean,String],default:!0},to:[String,Object],displayDirective:{type:String,default:"if"},nativeScrollbar:{type:Boolean,default:!0},zIndex:Number,onMaskClick:Function,scrollbarProps:Object,contentClass:String,contentStyle:[Object,String],trapFocus:{type:Boolean,default:!0},onEsc:Function,autoFocus:{type:Boolean,default:!0},closeOnEsc:{type:Boolean,default:!0},blockScroll:{type:Boolean,default:!0},maxWidth:Number,maxHeight:Number,minWidth:Number,minHeight:Number,resizable:Boolean,defaultWidth:{type:[Number,String],default:251},defaultHeight:{type:[Number,String],default:251},onUpdateWidth:[Function,Array],onUpdateHeight:[Function,Array],"onUpdate:width":[Function,Array],"onUpdate:height":[Function,Array],"onUpdate:show":[Function,Array],onUpdateShow:[Function,Array],onAfterEnter:Function,onAfterLeave:Function,drawerStyle:[String,Object],drawerClass:String,target:null,onShow:Function,onHide:Function};var wo=V({name:"Drawer",inheritAttrs:!1,props:Co,setup(e){const{mergedClsPrefixRef:t,namespaceRef:o,inlineThemeDisabled:l}=se(e),s=It(),a=oe("Drawer","-drawer",yo,Pt,e,t),c=U(e.defaultWidth),v=U(e.defaultHeight),f=ue(ae(e,"width"),c),g=ue(ae(e,"height"),v),P=b(()=>{const{placement:d}=e;return d==="top"||d==="bottom"?"":de(f.value)}),R=b(()=>{const{placement:d}=e;return d==="left"||d==="right"?"":de(g.value)}),z=d=>{const{onUpdateWidth:_,"onUpdate:width":O}=e;_&&K(_,d),O&&K(O,d),c.value=d},H=d=>{const{onUpdateHeight:_,"onUpdate:width":O}=e;_&&K(_,d),O&&K(O,d),v.value=d},S=b(()=>[{width:P.value,height:R.value},e.drawerStyle||""]);function C(d){const{onMaskClick:_,maskClosable:O}=e;O&&Y(!1),_&&_(d)}function M(d){C(d)}const L=kt();function J(d){e.onEsc?.(),e.show&&e.closeOnEsc&&Rt(d)&&(L.value||Y(!1))}function Y(d){const{onHide:_,onUpdateShow:O,"onUpdate:show":k}=e;O&&K(O,d),k&&K(k,d),_&&!d&&K(_,d)}te(Me,{isMountedRef:s,mergedThemeRef:a,mergedClsPrefixRef:t,doUpdateShow:Y,doUpdateHeight:H,doUpdateWidth:z});const Z=b(()=>{const{common:{cubicBezierEaseInOut:d,cubicBezierEaseIn:_,cubicBezierEaseOut:O},self:{color:k,textColor:N,boxShadow:T,lineHeight:ge,headerPadding:Ce,footerPadding:ne,borderRadius:we,bodyPadding:ze,titleFontSize:Se,titleTextColor:Ie,titleFontWeight:ke,headerBorderBottom:Re,footerBorderTop:p,closeIconColor:B,closeIconColorHover:r,closeIconColorPressed:x,closeColorHover:j,closeColorPressed:$e,closeIconSize:Pe,closeSize:_e,closeBorderRadius:n,resizableTriggerColorHover:vt}}=a.value;return{"--n-line-height":ge,"--n-color":k,"--n-border-radius":we,"--n-text-color":N,"--n-box-shadow":T,"--n-bezier":d,"--n-bezier-out":O,"--n-bezier-in":_,"--n-header-padding":Ce,"--n-body-padding":ze,"--n-footer-padding":ne,"--n-title-text-color":Ie,"--n-title-font-size":Se,"--n-title-font-weight":ke,"--n-header-border-bottom":Re,"--n-footer-border-top":p,"--n-close-icon-color":B,"--n-close-icon-color-hover":r,"--n-close-icon-color-pressed":x,"--n-close-size":_e,"--n-close-color-hover":j,"--n-close-color-pressed":$e,"--n-close-icon-size":Pe,"--n-close-border-radius":n,"--n-resize-trigger-color-hover":vt}}),E=l?me("drawer",void 0,Z,e):void 0;return{mergedClsPrefix:t,namespace:o,mergedBodyStyle:S,handleOutsideClick:M,handleMaskClick:C,handleEsc:J,mergedTheme:a,cssVars:l?void 0:Z,themeClass:E?.themeClass,onRender:E?.onRender,isMounted:s}},render(){const{mergedClsPrefix:e}=this;return i(),A(St,{to:this.to,show:this.show},{default:()=>(this.onRender?.(),Ae((i(),y("div",{class:$([`${e}-drawer-container`,this.namespace,this.themeClass]),style:W(this.cssVars),role:"none"},[this.showMask?(i(),A(ot,{key:0,name:"fade-in-transition",appear:this.isMounted},{default:()=>this.show?(i(),y("div",{key:1,"aria-hidden":!0,class:$([`${e}-drawer-mask`,this.showMask==="transparent"&&`${e}-drawer-mask--invisible`]),onClick:this.handleMaskClick},null,10,xo)):null},1032,["appear"])):I(()=>null),(i(),A(io,G(this.$attrs,{class:[this.drawerClass,this.$attrs.class],style:[this.mergedBodyStyle,this.$attrs.style],blockScroll:this.blockScroll,contentStyle:this.contentStyle,contentClass:this.contentClass,placement:this.placement,scrollbarProps:this.scrollbarProps,show:this.show,displayDirective:this.displayDirective,nativeScrollbar:this.nativeScrollbar,onAfterEnter:this.onAfterEnter,onAfterLeave:this.onAfterLeave,trapFocus:this.trapFocus,autoFocus:this.autoFocus,resizable:this.resizable,maxHeight:this.maxHeight,minHeight:this.minHeight,maxWidth:this.maxWidth,minWidth:this.minWidth,showMask:this.showMask,onEsc:this.handleEsc,onClickoutside:this.handleOutsideClick}),he(this.$slots),1040,["class","style","blockScroll","contentStyle","contentClass","placement","scrollbarProps","show","displayDirective","nativeScrollbar","onAfterEnter","onAfterLeave","trapFocus","autoFocus","resizable","maxHeight","minHeight","maxWidth","minWidth","showMask","onEsc","onClickoutside"]))],6)),[[$t,{zIndex:this.zIndex,enabled:this.show}]]))},1032,["to","show"])}});const zo={title:String,headerClass:String,headerStyle:[Object,String],footerClass:String,footerStyle:[Object,String],bodyClass:String,bodyStyle:[Object,String],bodyContentClass:String,bodyContentStyle:[Object,String],nativeScrollbar:{type:Boolean,default:!0},scrollbarProps:Object,closable:Boolean};var So=V({name:"DrawerContent",props:zo,slots:Object,setup(){const e=ee(Me,null);e||_t("drawer-content","`n-drawer-content` must be placed inside `n-drawer`.");const{doUpdateShow:t}=e;function o(){t(!1)}return{handleCloseClick:o,mergedTheme:e.mergedThemeRef,mergedClsPrefix:e.mergedClsPrefixRef}},render(){const{title:e,mergedClsPrefix:t,nativeScrollbar:o,mergedTheme:l,bodyClass:s,bodyStyle:a,bodyContentClass:c,bodyContentStyle:v,headerClass:f,headerStyle:g,footerClass:P,footerStyle:R,scrollbarProps:z,closable:H,$slots:S}=this;return i(),y("div",{role:"none",class:$([`${t}-drawer-content`,o&&`${t}-drawer-content--native-scrollbar`])},[S.header||e||H?(i(),y("div",{key:0,class:$([`${t}-drawer-header`,f]),style:W(g),role:"none"},[D("div",{class:$(`${t}-drawer-header__main`),role:"heading","aria-level":"1"},[S.header!==void 0?(i(),y(X,{key:0},[I(()=>S.header())],64)):(i(),y(X,{key:1},[I(()=>e)],64))],2),I(()=>H&&(i(),A(Tt,{onClick:this.handleCloseClick,clsPrefix:t,class:$(`${t}-drawer-header__close`),absolute:!0},null,8,["onClick","clsPrefix","class"])))],6)):I(()=>null),o?(i(),y("div",{key:2,class:$([`${t}-drawer-body`,s]),style:W(a),role:"none"},[D("div",{class:$([`${t}-drawer-body-content-wrapper`,c]),style:W(v),role:"none"},[I(()=>S.default?.())],6)],6)):(i(),A(ye,G({key:3,themeOverrides:l.peerOverrides.Scrollbar,theme:l.peers.Scrollbar},z,{class:`${t}-drawer-body`,contentClass:[`${t}-drawer-body-content-wrapper`,c],contentStyle:v}),he(S),1040,["themeOverrides","theme","class","contentClass","contentStyle"])),S.footer?(i(),y("div",{key:4,class:$([`${t}-drawer-footer`,P]),style:W(R),role:"none"},[I(()=>S.footer())],6)):I(()=>null)],2)}});function Io(e){const{baseColor:t,textColor2:o,bodyColor:l,cardColor:s,dividerColor:a,actionColor:c,scrollbarColor:v,scrollbarColorHover:f,invertedColor:g}=e;return{textColor:o,textColorInverted:"#FFF",color:l,colorEmbedded:c,headerColor:s,headerColorInverted:g,footerColor:c,footerColorInverted:g,headerBorderColor:a,headerBorderColorInverted:g,footerBorderColor:a,footerBorderColorInverted:g,siderBorderColor:a,siderBorderColorInverted:g,siderColor:s,siderColorInverted:g,siderToggleButtonBorder:`1px solid ${a}`,siderToggleButtonColor:t,siderToggleButtonIconColor:o,siderToggleButtonIconColorInverted:o,siderToggleBarColor:qe(l,v),siderToggleBarColorHover:qe(l,f),__invertScrollbar:"true"}}const De=Bt({name:"Layout",common:Et,peers:{Scrollbar:At},self:Io}),lt=ve("n-layout-sider"),Ue={type:String,default:"static"};var ko=u("layout",`
 color: var(--n-text-color);
 background-color: var(--n-color);
 box-sizing: border-box;
 position: relative;
 z-index: auto;
 flex: auto;
 overflow: hidden;
 transition:
 box-shadow .3s var(--n-bezier),
 background-color .3s var(--n-bezier),
 color .3s var(--n-bezier);
`,[u("layout-scroll-container",`
 overflow-x: hidden;
 box-sizing: border-box;
 height: 100%;
 `),w("absolute-positioned",`
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 `)]);const Ro={embedded:Boolean,position:Ue,nativeScrollbar:{type:Boolean,default:!0},scrollbarProps:Object,onScroll:Function,contentClass:String,contentStyle:{type:[String,Object],default:""},hasSider:Boolean,siderPlacement:{type:String,default:"left"}},at=ve("n-layout");function st(e){return V({name:e?"LayoutContent":"Layout",props:{...oe.props,...Ro},setup(t){const o=U(null),l=U(null),{mergedClsPrefixRef:s,inlineThemeDisabled:a}=se(t),c=oe("Layout","-layout",ko,De,t,s);function v(C,M){if(t.nativeScrollbar){const{value:L}=o;L&&(M===void 0?L.scrollTo(C):L.scrollTo(C,M))}else{const{value:L}=l;L&&L.scrollTo(C,M)}}te(at,t);let f=0,g=0;const P=C=>{const M=C.target;f=M.scrollLeft,g=M.scrollTop,t.onScroll?.(C)};nt(()=>{if(t.nativeScrollbar){const C=o.value;C&&(C.scrollTop=g,C.scrollLeft=f)}});const R={display:"flex",flexWrap:"nowrap",width:"100%",flexDirection:"row"},z={scrollTo:v},H=b(()=>{const{common:{cubicBezierEaseInOut:C},self:M}=c.value;return{"--n-bezier":C,"--n-color":t.embedded?M.colorEmbedded:M.color,"--n-text-color":M.textColor}}),S=a?me("layout",b(()=>t.embedded?"e":""),H,t):void 0;return{mergedClsPrefix:s,scrollableElRef:o,scrollbarInstRef:l,hasSiderStyle:R,mergedTheme:c,handleNativeElScroll:P,cssVars:a?void 0:H,themeClass:S?.themeClass,onRender:S?.onRender,...z}},render(){const{mergedClsPrefix:t,hasSider:o}=this;this.onRender?.();const l=o?this.hasSiderStyle:void 0,s=[this.themeClass,e&&`${t}-layout-content`,`${t}-layout`,`${t}-layout--${this.position}-positioned`];return i(),y("div",{class:$(s),style:W(this.cssVars)},[this.nativeScrollbar?(i(),y("div",{key:0,ref:"scrollableElRef",class:$([`${t}-layout-scroll-container`,this.contentClass]),style:W([this.contentStyle,l]),onScroll:this.handleNativeElScroll},[I(()=>this.$slots.default?.())],46,["onScroll"])):(i(),A(ye,G({key:1},this.scrollbarProps,{onScroll:this.onScroll,ref:"scrollbarInstRef",theme:this.mergedTheme.peers.Scrollbar,themeOverrides:this.mergedTheme.peerOverrides.Scrollbar,contentClass:this.contentClass,contentStyle:[this.contentStyle,l]}),he(this.$slots),1040,["onScroll","theme","themeOverrides","contentClass","contentStyle"]))],6)}})}var Je=st(!1),$o=st(!0),Po=u("layout-header",`
 transition:
 color .3s var(--n-bezier),
 background-color .3s var(--n-bezier),
 box-shadow .3s var(--n-bezier),
 border-color .3s var(--n-bezier);
 box-sizing: border-box;
 width: 100%;
 background-color: var(--n-color);
 color: var(--n-text-color);
`,[w("absolute-positioned",`
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 `),w("bordered",`
 border-bottom: solid 1px var(--n-border-color);
 `)]);const _o={position:Ue,inverted:Boolean,bordered:Boolean};var To=V({name:"LayoutHeader",props:{...oe.props,..._o},setup(e){const{mergedClsPrefixRef:t,inlineThemeDisabled:o}=se(e),l=oe("Layout","-layout-header",Po,De,e,t),s=b(()=>{const{common:{cubicBezierEaseInOut:c},self:v}=l.value,f={"--n-bezier":c};return e.inverted?(f["--n-color"]=v.headerColorInverted,f["--n-text-color"]=v.textColorInverted,f["--n-border-color"]=v.headerBorderColorInverted):(f["--n-color"]=v.headerColor,f["--n-text-color"]=v.textColor,f["--n-border-color"]=v.headerBorderColor),f}),a=o?me("layout-header",b(()=>e.inverted?"a":"b"),s,e):void 0;return{mergedClsPrefix:t,cssVars:o?void 0:s,themeClass:a?.themeClass,onRender:a?.onRender}},render(){const{mergedClsPrefix:e}=this;return this.onRender?.(),i(),y("div",{class:$([`${e}-layout-header`,this.themeClass,this.position&&`${e}-layout-header--${this.position}-positioned`,this.bordered&&`${e}-layout-header--bordered`]),style:W(this.cssVars)},[I(()=>this.$slots.default?.())],6)}}),Bo=u("layout-sider",`
 flex-shrink: 0;
 box-sizing: border-box;
 position: relative;
 z-index: 1;
 color: var(--n-text-color);
 transition:
 color .3s var(--n-bezier),
 border-color .3s var(--n-bezier),
 min-width .3s var(--n-bezier),
 max-width .3s var(--n-bezier),
 transform .3s var(--n-bezier),
 background-color .3s var(--n-bezier);
 background-color: var(--n-color);
 display: flex;
 justify-content: flex-end;
`,[w("bordered",[m("border",`
 content: "";
 position: absolute;
 top: 0;
 bottom: 0;
 width: 1px;
 background-color: var(--n-border-color);
 transition: background-color .3s var(--n-bezier);
 `)]),m("left-placement",[w("bordered",[m("border",`
 right: 0;
 `)])]),w("right-placement",`
 justify-content: flex-start;
 `,[w("bordered",[m("border",`
 left: 0;
 `)]),w("collapsed",[u("layout-toggle-button",[u("base-icon",`
 transform: rotate(180deg);
 `)]),u("layout-toggle-bar",[h("&:hover",[m("top",{transform:"rotate(-12deg) scale(1.15) translateY(-2px)"}),m("bottom",{transform:"rotate(12deg) scale(1.15) translateY(2px)"})])])]),u("layout-toggle-button",`
 left: 0;
 transform: translateX(-50%) translateY(-50%);
 `,[u("base-icon",`
 transform: rotate(0);
 `)]),u("layout-toggle-bar",`
 left: -28px;
 transform: rotate(180deg);
 `,[h("&:hover",[m("top",{transform:"rotate(12deg) scale(1.15) translateY(-2px)"}),m("bottom",{transform:"rotate(-12deg) scale(1.15) translateY(2px)"})])])]),w("collapsed",[u("layout-toggle-bar",[h("&:hover",[m("top",{transform:"rotate(-12deg) scale(1.15) translateY(-2px)"}),m("bottom",{transform:"rotate(12deg) scale(1.15) translateY(2px)"})])]),u("layout-toggle-button",[u("base-icon",`
 transform: rotate(0);
 `)])]),u("layout-toggle-button",`
 transition:
 color .3s var(--n-bezier),
 right .3s var(--n-bezier),
 left .3s var(--n-bezier),
 border-color .3s var(--n-bezier),
 background-color .3s var(--n-bezier);
 cursor: pointer;
 width: 24px;
 height: 24px;
 position: absolute;
 top: 50%;
 right: 0;
 border-radius: 50%;
 display: flex;
 align-items: center;
 justify-content: center;
 font-size: 18px;
 color: var(--n-toggle-button-icon-color);
 border: var(--n-toggle-button-border);
 background-color: var(--n-toggle-button-color);
 box-shadow: 0 2px 4px 0px rgba(0, 0, 0, .06);
 transform: translateX(50%) translateY(-50%);
 z-index: 1;
 `,[u("base-icon",`
 transition: transform .3s var(--n-bezier);
 transform: rotate(180deg);
 `)]),u("layout-toggle-bar",`
 cursor: pointer;
 height: 72px;
 width: 32px;
 position: absolute;
 top: calc(50% - 36px);
 right: -28px;
 `,[m("top, bottom",`
 position: absolute;
 width: 4px;
 border-radius: 2px;
 height: 38px;
 left: 14px;
 transition: 
 background-color .3s var(--n-bezier),
 transform .3s var(--n-bezier);
 `),m("bottom",`
 position: absolute;
 top: 34px;
 `),h("&:hover",[m("top",{transform:"rotate(12deg) scale(1.15) translateY(-2px)"}),m("bottom",{transform:"rotate(-12deg) scale(1.15) translateY(2px)"})]),m("top, bottom",{backgroundColor:"var(--n-toggle-bar-color)"}),h("&:hover",[m("top, bottom",{backgroundColor:"var(--n-toggle-bar-color-hover)"})])]),m("border",`
 position: absolute;
 top: 0;
 right: 0;
 bottom: 0;
 width: 1px;
 transition: background-color .3s var(--n-bezier);
 `),u("layout-sider-scroll-container",`
 flex-grow: 1;
 flex-shrink: 0;
 box-sizing: border-box;
 height: 100%;
 opacity: 0;
 transition: opacity .3s var(--n-bezier);
 max-width: 100%;
 `),w("show-content",[u("layout-sider-scroll-container",{opacity:1})]),w("absolute-positioned",`
 position: absolute;
 left: 0;
 top: 0;
 bottom: 0;
 `)]);const Ao=["onClick"];var Eo=V({props:{clsPrefix:{type:String,required:!0},onClick:Function},render(){const{clsPrefix:e}=this;return i(),y("div",{onClick:this.onClick,class:$(`${e}-layout-toggle-bar`)},[D("div",{class:$(`${e}-layout-toggle-bar__top`)},null,2),D("div",{class:$(`${e}-layout-toggle-bar__bottom`)},null,2)],10,Ao)}});const Ho=["onClick"];var No=V({name:"LayoutToggleButton",props:{clsPrefix:{type:String,required:!0},onClick:Function},render(){const{clsPrefix:e}=this;return i(),y("div",{class:$(`${e}-layout-toggle-button`),onClick:this.onClick},[(i(),A(it,{clsPrefix:e},{default:()=>(i(),A(Zt))},1032,["clsPrefix"]))],10,Ho)}});const Fo=["onTransitionend"],Mo={position:Ue,bordered:Boolean,collapsedWidth:{type:Number,default:48},width:{type:[Number,String],default:272},contentClass:String,contentStyle:{type:[String,Object],default:""},collapseMode:{type:String,default:"transform"},collapsed:{type:Boolean,default:void 0},defaultCollapsed:Boolean,showCollapsedContent:{type:Boolean,default:!0},showTrigger:{type:[Boolean,String],default:!1},nativeScrollbar:{type:Boolean,default:!0},inverted:Boolean,scrollbarProps:Object,triggerClass:String,triggerStyle:[String,Object],collapsedTriggerClass:String,collapsedTriggerStyle:[String,Object],"onUpdate:collapsed":[Function,Array],onUpdateCollapsed:[Function,Array],onAfterEnter:Function,onAfterLeave:Function,onExpand:[Function,Array],onCollapse:[Function,Array],onScroll:Function};var Oo=V({name:"LayoutSider",props:{...oe.props,...Mo},setup(e){const t=ee(at),o=U(null),l=U(null),s=U(e.defaultCollapsed),a=ue(ae(e,"collapsed"),s),c=b(()=>de(a.value?e.collapsedWidth:e.width)),v=b(()=>e.collapseMode!=="transform"?{}:{minWidth:de(e.width)}),f=b(()=>t?t.siderPlacement:"left");function g(E,d){if(e.nativeScrollbar){const{value:_}=o;_&&(d===void 0?_.scrollTo(E):_.scrollTo(E,d))}else{const{value:_}=l;_&&_.scrollTo(E,d)}}function P(){const{"onUpdate:collapsed":E,onUpdateCollapsed:d,onExpand:_,onCollapse:O}=e,{value:k}=a;d&&K(d,!k),E&&K(E,!k),s.value=!k,k?_&&K(_):O&&K(O)}let R=0,z=0;const H=E=>{const d=E.target;R=d.scrollLeft,z=d.scrollTop,e.onScroll?.(E)};nt(()=>{if(e.nativeScrollbar){const E=o.value;E&&(E.scrollTop=z,E.scrollLeft=R)}}),te(lt,{collapsedRef:a,collapseModeRef:ae(e,"collapseMode")});const{mergedClsPrefixRef:S,inlineThemeDisabled:C}=se(e),M=oe("Layout","-layout-sider",Bo,De,e,S);function L(E){E.propertyName==="max-width"&&(a.value?e.onAfterLeave?.():e.onAfterEnter?.())}const J={scrollTo:g},Y=b(()=>{const{common:{cubicBezierEaseInOut:E},self:d}=M.value,{siderToggleButtonColor:_,siderToggleButtonBorder:O,siderToggleBarColor:k,siderToggleBarColorHover:N}=d,T={"--n-bezier":E,"--n-toggle-button-color":_,"--n-toggle-button-border":O,"--n-toggle-bar-color":k,"--n-toggle-bar-color-hover":N};return e.inverted?(T["--n-color"]=d.siderColorInverted,T["--n-text-color"]=d.textColorInverted,T["--n-border-color"]=d.siderBorderColorInverted,T["--n-toggle-button-icon-color"]=d.siderToggleButtonIconColorInverted,T.__invertScrollbar=d.__invertScrollbar):(T["--n-color"]=d.siderColor,T["--n-text-color"]=d.textColor,T["--n-border-color"]=d.siderBorderColor,T["--n-toggle-button-icon-color"]=d.siderToggleButtonIconColor),T}),Z=C?me("layout-sider",b(()=>e.inverted?"a":"b"),Y,e):void 0;return{scrollableElRef:o,scrollbarInstRef:l,mergedClsPrefix:S,mergedTheme:M,styleMaxWidth:c,mergedCollapsed:a,scrollContainerStyle:v,siderPlacement:f,handleNativeElScroll:H,handleTransitionend:L,handleTriggerClick:P,inlineThemeDisabled:C,cssVars:Y,themeClass:Z?.themeClass,onRender:Z?.onRender,...J}},render(){const{mergedClsPrefix:e,mergedCollapsed:t,showTrigger:o}=this;return this.onRender?.(),i(),y("aside",{class:$([`${e}-layout-sider`,this.themeClass,`${e}-layout-sider--${this.position}-positioned`,`${e}-layout-sider--${this.siderPlacement}-placement`,this.bordered&&`${e}-layout-sider--bordered`,t&&`${e}-layout-sider--collapsed`,(!t||this.showCollapsedContent)&&`${e}-layout-sider--show-content`]),onTransitionend:this.handleTransitionend,style:W([this.inlineThemeDisabled?void 0:this.cssVars,{maxWidth:this.styleMaxWidth,width:de(this.width)}])},[this.nativeScrollbar?(i(),y("div",{key:1,class:$([`${e}-layout-sider-scroll-container`,this.contentClass]),onScroll:this.handleNativeElScroll,style:W([this.scrollContainerStyle,{overflow:"auto"},this.contentStyle]),ref:"scrollableElRef"},[I(()=>this.$slots.default?.())],46,["onScroll"])):(i(),A(ye,G({key:0},this.scrollbarProps,{onScroll:this.onScroll,ref:"scrollbarInstRef",style:this.scrollContainerStyle,contentStyle:this.contentStyle,contentClass:this.contentClass,theme:this.mergedTheme.peers.Scrollbar,themeOverrides:this.mergedTheme.peerOverrides.Scrollbar,builtinThemeOverrides:this.inverted&&this.cssVars.__invertScrollbar==="true"?{colorHover:"rgba(255, 255, 255, .4)",color:"rgba(255, 255, 255, .3)"}:void 0}),he(this.$slots),1040,["onScroll","style","contentStyle","contentClass","theme","themeOverrides","builtinThemeOverrides"])),o?(i(),y(X,{key:2},[o==="bar"?(i(),A(Eo,{key:0,clsPrefix:e,class:$(t?this.collapsedTriggerClass:this.triggerClass),style:W(t?this.collapsedTriggerStyle:this.triggerStyle),onClick:this.handleTriggerClick},null,8,["clsPrefix","class","style","onClick"])):(i(),A(No,{key:1,clsPrefix:e,class:$(t?this.collapsedTriggerClass:this.triggerClass),style:W(t?this.collapsedTriggerStyle:this.triggerStyle),onClick:this.handleTriggerClick},null,8,["clsPrefix","class","style","onClick"]))],64)):I(()=>null),this.bordered?(i(),y("div",{key:4,class:$(`${e}-layout-sider__border`)},null,2)):I(()=>null)],46,Fo)}});const fe=ve("n-menu"),ct=ve("n-submenu"),Ke=ve("n-menu-item-group"),Qe=[h("&::before","background-color: var(--n-item-color-hover);"),m("arrow",`
 color: var(--n-arrow-color-hover);
 `),m("icon",`
 color: var(--n-item-icon-color-hover);
 `),u("menu-item-content-header",`
 color: var(--n-item-text-color-hover);
 `,[h("a",`
 color: var(--n-item-text-color-hover);
 `),m("extra",`
 color: var(--n-item-text-color-hover);
 `)])],et=[m("icon",`
 color: var(--n-item-icon-color-hover-horizontal);
 `),u("menu-item-content-header",`
 color: var(--n-item-text-color-hover-horizontal);
 `,[h("a",`
 color: var(--n-item-text-color-hover-horizontal);
 `),m("extra",`
 color: var(--n-item-text-color-hover-horizontal);
 `)])];var Lo=h([u("menu",`
 background-color: var(--n-color);
 color: var(--n-item-text-color);
 overflow: hidden;
 transition: background-color .3s var(--n-bezier);
 box-sizing: border-box;
 font-size: var(--n-font-size);
 padding-bottom: 6px;
 `,[w("horizontal",`
 max-width: 100%;
 width: 100%;
 display: flex;
 overflow: hidden;
 padding-bottom: 0;
 `,[u("submenu","margin: 0;"),u("menu-item","margin: 0;"),u("menu-item-content",`
 padding: 0 20px;
 border-bottom: 2px solid #0000;
 `,[h("&::before","display: none;"),w("selected","border-bottom: 2px solid var(--n-border-color-horizontal)")]),u("menu-item-content",[w("selected",[m("icon","color: var(--n-item-icon-color-active-horizontal);"),u("menu-item-content-header",`
 color: var(--n-item-text-color-active-horizontal);
 `,[h("a","color: var(--n-item-text-color-active-horizontal);"),m("extra","color: var(--n-item-text-color-active-horizontal);")])]),w("child-active",`
 border-bottom: 2px solid var(--n-border-color-horizontal);
 `,[u("menu-item-content-header",`
 color: var(--n-item-text-color-child-active-horizontal);
 `,[h("a",`
 color: var(--n-item-text-color-child-active-horizontal);
 `),m("extra",`
 color: var(--n-item-text-color-child-active-horizontal);
 `)]),m("icon",`
 color: var(--n-item-icon-color-child-active-horizontal);
 `)]),ce("disabled",[ce("selected, child-active",[h("&:focus-within",et)]),w("selected",[re(null,[m("icon","color: var(--n-item-icon-color-active-hover-horizontal);"),u("menu-item-content-header",`
 color: var(--n-item-text-color-active-hover-horizontal);
 `,[h("a","color: var(--n-item-text-color-active-hover-horizontal);"),m("extra","color: var(--n-item-text-color-active-hover-horizontal);")])])]),w("child-active",[re(null,[m("icon","color: var(--n-item-icon-color-child-active-hover-horizontal);"),u("menu-item-content-header",`
 color: var(--n-item-text-color-child-active-hover-horizontal);
 `,[h("a","color: var(--n-item-text-color-child-active-hover-horizontal);"),m("extra","color: var(--n-item-text-color-child-active-hover-horizontal);")])])]),re("border-bottom: 2px solid var(--n-border-color-horizontal);",et)]),u("menu-item-content-header",[h("a","color: var(--n-item-text-color-horizontal);")])])]),ce("responsive",[u("menu-item-content-header",`
 overflow: hidden;
 text-overflow: ellipsis;
 `)]),w("collapsed",[u("menu-item-content",[w("selected",[h("&::before",`
 background-color: var(--n-item-color-active-collapsed) !important;
 `)]),u("menu-item-content-header","opacity: 0;"),m("arrow","opacity: 0;"),m("icon","color: var(--n-item-icon-color-collapsed);")])]),u("menu-item",`
 height: var(--n-item-height);
 margin-top: 6px;
 position: relative;
 `),u("menu-item-content",`
 box-sizing: border-box;
 line-height: 1.75;
 height: 100%;
 display: grid;
 grid-template-areas: "icon content arrow";
 grid-template-columns: auto 1fr auto;
 align-items: center;
 cursor: pointer;
 position: relative;
 padding-right: 18px;
 transition:
 background-color .3s var(--n-bezier),
 padding-left .3s var(--n-bezier),
 border-color .3s var(--n-bezier);
 `,[h("> *","z-index: 1;"),h("&::before",`
 z-index: auto;
 content: "";
 background-color: #0000;
 position: absolute;
 left: 8px;
 right: 8px;
 top: 0;
 bottom: 0;
 pointer-events: none;
 border-radius: var(--n-border-radius);
 transition: background-color .3s var(--n-bezier);
 `),w("disabled",`
 opacity: .45;
 cursor: not-allowed;
 `),w("collapsed",[m("arrow","transform: rotate(0);")]),w("selected",[h("&::before","background-color: var(--n-item-color-active);"),m("arrow","color: var(--n-arrow-color-active);"),m("icon","color: var(--n-item-icon-color-active);"),u("menu-item-content-header",`
 color: var(--n-item-text-color-active);
 `,[h("a","color: var(--n-item-text-color-active);"),m("extra","color: var(--n-item-text-color-active);")])]),w("child-active",[u("menu-item-content-header",`
 color: var(--n-item-text-color-child-active);
 `,[h("a",`
 color: var(--n-item-text-color-child-active);
 `),m("extra",`
 color: var(--n-item-text-color-child-active);
 `)]),m("arrow",`
 color: var(--n-arrow-color-child-active);
 `),m("icon",`
 color: var(--n-item-icon-color-child-active);
 `)]),ce("disabled",[ce("selected, child-active",[h("&:focus-within",Qe)]),w("selected",[re(null,[m("arrow","color: var(--n-arrow-color-active-hover);"),m("icon","color: var(--n-item-icon-color-active-hover);"),u("menu-item-content-header",`
 color: var(--n-item-text-color-active-hover);
 `,[h("a","color: var(--n-item-text-color-active-hover);"),m("extra","color: var(--n-item-text-color-active-hover);")])])]),w("child-active",[re(null,[m("arrow","color: var(--n-arrow-color-child-active-hover);"),m("icon","color: var(--n-item-icon-color-child-active-hover);"),u("menu-item-content-header",`
 color: var(--n-item-text-color-child-active-hover);
 `,[h("a","color: var(--n-item-text-color-child-active-hover);"),m("extra","color: var(--n-item-text-color-child-active-hover);")])])]),w("selected",[re(null,[h("&::before","background-color: var(--n-item-color-active-hover);")])]),re(null,Qe)]),m("icon",`
 grid-area: icon;
 color: var(--n-item-icon-color);
 transition:
 color .3s var(--n-bezier),
 font-size .3s var(--n-bezier),
 margin-right .3s var(--n-bezier);
 box-sizing: content-box;
 display: inline-flex;
 align-items: center;
 justify-content: center;
 `),m("arrow",`
 grid-area: arrow;
 font-size: 16px;
 color: var(--n-arrow-color);
 transform: rotate(180deg);
 opacity: 1;
 transition:
 color .3s var(--n-bezier),
 transform 0.2s var(--n-bezier),
 opacity 0.2s var(--n-bezier);
 `),u("menu-item-content-header",`
 grid-area: content;
 transition:
 color .3s var(--n-bezier),
 opacity .3s var(--n-bezier);
 opacity: 1;
 white-space: nowrap;
 color: var(--n-item-text-color);
 `,[h("a",`
 outline: none;
 text-decoration: none;
 transition: color .3s var(--n-bezier);
 color: var(--n-item-text-color);
 `,[h("&::before",`
 content: "";
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 `)]),m("extra",`
 font-size: .93em;
 color: var(--n-group-text-color);
 transition: color .3s var(--n-bezier);
 `)])]),u("submenu",`
 cursor: pointer;
 position: relative;
 margin-top: 6px;
 `,[u("menu-item-content",`
 height: var(--n-item-height);
 `),u("submenu-children",`
 overflow: hidden;
 padding: 0;
 `,[Ht({duration:".2s"})])]),u("menu-item-group",[u("menu-item-group-title",`
 margin-top: 6px;
 color: var(--n-group-text-color);
 cursor: default;
 font-size: .93em;
 height: 36px;
 display: flex;
 align-items: center;
 transition:
 padding-left .3s var(--n-bezier),
 color .3s var(--n-bezier);
 `)])]),u("menu-tooltip",[h("a",`
 color: inherit;
 text-decoration: none;
 `)]),u("menu-divider",`
 transition: background-color .3s var(--n-bezier);
 background-color: var(--n-divider-color);
 height: 1px;
 margin: 6px 18px;
 `)]);function re(e,t){return[w("hover",e,t),h("&:hover",e,t)]}var Do=V({name:"MenuDivider",setup(){const{mergedClsPrefixRef:e,isHorizontalRef:t}=ee(fe);return()=>t.value?null:(i(),y("div",{key:1,class:$(`${e.value}-menu-divider`)},null,2))}}),Uo=V({name:"ChevronDownFilled",render(){return(()=>{const e=Oe("f3af82a2aab086a5");return e[0]||(e[0]=D("svg",{viewBox:"0 0 16 16",fill:"none",xmlns:"http://www.w3.org/2000/svg"},[D("path",{d:"M3.20041 5.73966C3.48226 5.43613 3.95681 5.41856 4.26034 5.70041L8 9.22652L11.7397 5.70041C12.0432 5.41856 12.5177 5.43613 12.7996 5.73966C13.0815 6.0432 13.0639 6.51775 12.7603 6.7996L8.51034 10.7996C8.22258 11.0668 7.77743 11.0668 7.48967 10.7996L3.23966 6.7996C2.93613 6.51775 2.91856 6.0432 3.20041 5.73966Z",fill:"currentColor"})],-1))})()}});const Ko=["onClick"];var dt=V({name:"MenuOptionContent",props:{collapsed:Boolean,disabled:Boolean,title:[String,Function],icon:Function,extra:[String,Function],showArrow:Boolean,childActive:Boolean,hover:Boolean,paddingLeft:Number,selected:Boolean,maxIconSize:{type:Number,required:!0},activeIconSize:{type:Number,required:!0},iconMarginRight:{type:Number,required:!0},clsPrefix:{type:String,required:!0},onClick:Function,tmNode:{type:Object,required:!0},isEllipsisPlaceholder:Boolean},setup(e){const{props:t}=ee(fe);return{menuProps:t,style:b(()=>{const{paddingLeft:o}=e;return{paddingLeft:o&&`${o}px`}}),iconStyle:b(()=>{const{maxIconSize:o,activeIconSize:l,iconMarginRight:s}=e;return{width:`${o}px`,height:`${o}px`,fontSize:`${l}px`,marginRight:`${s}px`}})}},render(){const{clsPrefix:e,tmNode:t,menuProps:{renderIcon:o,renderLabel:l,renderExtra:s,expandIcon:a}}=this,c=o?o(t.rawNode):le(this.icon);return(()=>{const v=Oe("7bb10afc6caf8fa4");return i(),y("div",{onClick:f=>{this.onClick?.(f)},role:"none",class:$([`${e}-menu-item-content`,{[`${e}-menu-item-content--selected`]:this.selected,[`${e}-menu-item-content--collapsed`]:this.collapsed,[`${e}-menu-item-content--child-active`]:this.childActive,[`${e}-menu-item-content--disabled`]:this.disabled,[`${e}-menu-item-content--hover`]:this.hover}]),style:W(this.style)},[I(()=>c&&(i(),y("div",{class:$(`${e}-menu-item-content__icon`),style:W(this.iconStyle),role:"none"},[I(()=>[c])],6))),D("div",{class:$(`${e}-menu-item-content-header`),role:"none"},[this.isEllipsisPlaceholder?(i(),y(X,{key:0},[I(()=>this.title)],64)):(i(),y(X,{key:1},[l?(i(),y(X,{key:0},[I(()=>l(t.rawNode))],64)):(i(),y(X,{key:1},[I(()=>le(this.title))],64))],64)),this.extra||s?(i(),y("span",{key:2,class:$(`${e}-menu-item-content-header__extra`)},[v[0]||(v[0]=I(" ",-1)),s?(i(),y(X,{key:0},[I(()=>s(t.rawNode))],64)):(i(),y(X,{key:1},[I(()=>le(this.extra))],64))],2)):I(()=>null)],2),this.showArrow?(i(),A(it,{key:0,ariaHidden:!0,class:$(`${e}-menu-item-content__arrow`),clsPrefix:e},{default:()=>a?a(t.rawNode):(i(),A(Uo,{key:1}))},1032,["class","clsPrefix"])):I(()=>null)],14,Ko)})()}});const pe=8;function Ve(e){const t=ee(fe),{props:o,mergedCollapsedRef:l}=t,s=ee(ct,null),a=ee(Ke,null),c=b(()=>o.mode==="horizontal"),v=b(()=>c.value?o.dropdownPlacement:"tmNodes"in e?"right-start":"right"),f=b(()=>Math.max(o.collapsedIconSize??o.iconSize,o.iconSize));return{dropdownPlacement:v,activeIconSize:b(()=>!c.value&&e.root&&l.value?o.collapsedIconSize??o.iconSize:o.iconSize),maxIconSize:f,paddingLeft:b(()=>{if(c.value)return;const{collapsedWidth:g,indent:P,rootIndent:R}=o,{root:z,isGroup:H}=e,S=R===void 0?P:R;return z?l.value?g/2-f.value/2:S:a&&typeof a.paddingLeftRef.value=="number"?l.value?g/2-f.value/2:P/2+a.paddingLeftRef.value:s&&typeof s.paddingLeftRef.value=="number"?(H?P/2:P)+s.paddingLeftRef.value:0}),iconMarginRight:b(()=>{const{collapsedWidth:g,indent:P,rootIndent:R}=o,{value:z}=f,{root:H}=e;return c.value||!H||!l.value?pe:(R===void 0?P:R)+z+pe-(g+z)/2}),NMenu:t,NSubmenu:s,NMenuOptionGroup:a}}const je={internalKey:{type:[String,Number],required:!0},root:Boolean,isGroup:Boolean,level:{type:Number,required:!0},title:[String,Function],extra:[String,Function]},ut={...je,tmNode:{type:Object,required:!0},disabled:Boolean,icon:Function,onClick:Function},Vo=Le(ut),jo=V({name:"MenuOption",props:ut,setup(e){const t=Ve(e),{NSubmenu:o,NMenu:l,NMenuOptionGroup:s}=t,{props:a,mergedClsPrefixRef:c,mergedCollapsedRef:v}=l,f=o?o.mergedDisabledRef:s?s.mergedDisabledRef:{value:!1},g=b(()=>f.value||e.disabled);function P(z){const{onClick:H}=e;H&&H(z)}function R(z){g.value||(l.doSelect(e.internalKey,e.tmNode.rawNode),P(z))}return{mergedClsPrefix:c,dropdownPlacement:t.dropdownPlacement,paddingLeft:t.paddingLeft,iconMarginRight:t.iconMarginRight,maxIconSize:t.maxIconSize,activeIconSize:t.activeIconSize,mergedTheme:l.mergedThemeRef,menuProps:a,dropdownEnabled:He(()=>e.root&&v.value&&a.mode!=="horizontal"&&!g.value),selected:He(()=>l.mergedValueRef.value===e.internalKey),mergedDisabled:g,handleClick:R}},render(){const{mergedClsPrefix:e,mergedTheme:t,tmNode:o,menuProps:{renderLabel:l,nodeProps:s}}=this,a=s?.(o.rawNode);return i(),y("div",G(a,{role:"menuitem",class:[`${e}-menu-item`,a?.class]}),[(i(),A(Jt,{theme:t.peers.Tooltip,themeOverrides:t.peerOverrides.Tooltip,trigger:"hover",placement:this.dropdownPlacement,disabled:!this.dropdownEnabled||this.title===void 0,internalExtraClass:["menu-tooltip"]},{default:()=>l?l(o.rawNode):le(this.title),trigger:()=>(i(),A(dt,{tmNode:o,clsPrefix:e,paddingLeft:this.paddingLeft,iconMarginRight:this.iconMarginRight,maxIconSize:this.maxIconSize,activeIconSize:this.activeIconSize,selected:this.selected,title:this.title,extra:this.extra,disabled:this.mergedDisabled,icon:this.icon,onClick:this.handleClick},null,8,["tmNode","clsPrefix","paddingLeft","iconMarginRight","maxIconSize","activeIconSize","selected","title","extra","disabled","icon","onClick"]))},1032,["theme","themeOverrides","placement","disabled"]))],16)}}),ht={...je,tmNode:{type:Object,required:!0},tmNodes:{type:Array,required:!0}},Wo=Le(ht),Yo=V({name:"MenuOptionGroup",props:ht,setup(e){const t=Ve(e),{NSubmenu:o}=t,l=b(()=>o?.mergedDisabledRef.value?!0:e.tmNode.disabled);te(Ke,{paddingLeftRef:t.paddingLeft,mergedDisabledRef:l});const{mergedClsPrefixRef:s,props:a}=ee(fe);return function(){const{value:c}=s,v=t.paddingLeft.value,{nodeProps:f}=a,g=f?.(e.tmNode.rawNode);return(()=>{const P=Oe("45eca6a63be5028b");return i(),y("div",{class:$(`${c}-menu-item-group`),role:"group"},[D("div",G(g,{class:[`${c}-menu-item-group-title`,g?.class],style:[g?.style||"",v!==void 0?`padding-left: ${v}px;`:""]}),[I(()=>le(e.title)),e.extra?(i(),y(X,{key:0},[P[0]||(P[0]=I(" ",-1)),I(()=>le(e.extra))],64)):I(()=>null)],16),D("div",null,[I(()=>e.tmNodes.map(R=>We(R,a)))])],2)})()}}}),qo=["aria-expanded","id"],Xo=["aria-expanded","id"],mt={...je,rawNodes:{type:Array,default:()=>[]},tmNodes:{type:Array,default:()=>[]},tmNode:{type:Object,required:!0},disabled:Boolean,icon:Function,onClick:Function,domId:String,virtualChildActive:{type:Boolean,default:void 0},isEllipsisPlaceholder:Boolean},Go=Le(mt),Ne=V({name:"Submenu",props:mt,setup(e){const t=Ve(e),{NMenu:o,NSubmenu:l}=t,{props:s,mergedCollapsedRef:a,mergedThemeRef:c}=o,v=b(()=>{const{disabled:z}=e;return l?.mergedDisabledRef.value||s.disabled?!0:z}),f=U(!1);te(ct,{paddingLeftRef:t.paddingLeft,mergedDisabledRef:v}),te(Ke,null);function g(){const{onClick:z}=e;z&&z()}function P(){v.value||(a.value||o.toggleExpand(e.internalKey),g())}function R(z){f.value=z}return{menuProps:s,mergedTheme:c,doSelect:o.doSelect,inverted:o.invertedRef,isHorizontal:o.isHorizontalRef,mergedClsPrefix:o.mergedClsPrefixRef,maxIconSize:t.maxIconSize,activeIconSize:t.activeIconSize,iconMarginRight:t.iconMarginRight,dropdownPlacement:t.dropdownPlacement,dropdownShow:f,paddingLeft:t.paddingLeft,mergedDisabled:v,mergedValue:o.mergedValueRef,childActive:He(()=>e.virtualChildActive??o.activePathRef.value.includes(e.internalKey)),collapsed:b(()=>s.mode==="horizontal"?!1:a.value?!0:!o.mergedExpandedKeysRef.value.includes(e.internalKey)),dropdownEnabled:b(()=>!v.value&&(s.mode==="horizontal"||a.value)),handlePopoverShowChange:R,handleClick:P}},render(){const{mergedClsPrefix:e,menuProps:{renderIcon:t,renderLabel:o}}=this,l=()=>{const{isHorizontal:a,paddingLeft:c,collapsed:v,mergedDisabled:f,maxIconSize:g,activeIconSize:P,title:R,childActive:z,icon:H,handleClick:S,menuProps:{nodeProps:C},dropdownShow:M,iconMarginRight:L,tmNode:J,mergedClsPrefix:Y,isEllipsisPlaceholder:Z,extra:E}=this,d=C?.(J.rawNode);return i(),y("div",G(d,{class:[`${Y}-menu-item`,d?.class],role:"menuitem"}),[(i(),A(dt,{tmNode:J,paddingLeft:c,collapsed:v,disabled:f,iconMarginRight:L,maxIconSize:g,activeIconSize:P,title:R,extra:E,showArrow:!a,childActive:z,clsPrefix:Y,icon:H,hover:M,onClick:S,isEllipsisPlaceholder:Z},null,8,["tmNode","paddingLeft","collapsed","disabled","iconMarginRight","maxIconSize","activeIconSize","title","extra","showArrow","childActive","clsPrefix","icon","hover","onClick","isEllipsisPlaceholder"]))],16)},s=()=>(i(),A(Nt,null,{default:()=>{const{tmNodes:a,collapsed:c}=this;return c?null:(i(),y("div",{key:1,class:$(`${e}-submenu-children`),role:"menu"},[I(()=>a.map(v=>We(v,this.menuProps)))],2))}},1024));return this.root?(i(),A(Qt,G({key:2,size:"large",trigger:"hover"},this.menuProps?.dropdownProps,{themeOverrides:this.mergedTheme.peerOverrides.Dropdown,theme:this.mergedTheme.peers.Dropdown,builtinThemeOverrides:{fontSizeLarge:"14px",optionIconSizeLarge:"18px"},value:this.mergedValue,disabled:!this.dropdownEnabled,placement:this.dropdownPlacement,keyField:this.menuProps.keyField,labelField:this.menuProps.labelField,childrenField:this.menuProps.childrenField,onUpdateShow:this.handlePopoverShowChange,options:this.rawNodes,onSelect:this.doSelect,inverted:this.inverted,renderIcon:t,renderLabel:o}),{default:()=>(i(),y("div",{class:$(`${e}-submenu`),role:"menu","aria-expanded":!this.collapsed,id:this.domId},[I(()=>l()),this.isHorizontal?I(()=>null):(i(),y(X,{key:1},[I(()=>s())],64))],10,qo))},1040,["themeOverrides","theme","value","disabled","placement","keyField","labelField","childrenField","onUpdateShow","options","onSelect","inverted","renderIcon","renderLabel"])):(i(),y("div",{key:3,class:$(`${e}-submenu`),role:"menu","aria-expanded":!this.collapsed,id:this.domId},[I(()=>l()),I(()=>s())],10,Xo))}});function Fe(e){return e.type==="divider"||e.type==="render"}function Zo(e){return e.type==="divider"}function We(e,t){const{rawNode:o}=e,{show:l}=o;if(l===!1)return null;if(Fe(o))return Zo(o)?(i(),A(Do,G({key:e.key},o.props),null,16)):null;const{labelField:s}=t,{key:a,level:c,isGroup:v}=e,f={...o,title:o.title||o[s],extra:o.titleExtra||o.extra,key:a,internalKey:a,level:c,root:c===0,isGroup:v};return e.children?e.isGroup?ie(Yo,Te(f,Wo,{tmNode:e,tmNodes:e.children,key:a})):ie(Ne,Te(f,Go,{key:a,rawNodes:o[t.childrenField],tmNodes:e.children,tmNode:e})):ie(jo,Te(f,Vo,{key:a,tmNode:e}))}const Jo={...oe.props,options:{type:Array,default:()=>[]},collapsed:{type:Boolean,default:void 0},collapsedWidth:{type:Number,default:48},iconSize:{type:Number,default:20},collapsedIconSize:{type:Number,default:24},rootIndent:Number,indent:{type:Number,default:32},labelField:{type:String,default:"label"},keyField:{type:String,default:"key"},childrenField:{type:String,default:"children"},disabledField:{type:String,default:"disabled"},defaultExpandAll:Boolean,defaultExpandedKeys:Array,expandedKeys:Array,value:[String,Number],defaultValue:{type:[String,Number],default:null},mode:{type:String,default:"vertical"},watchProps:{type:Array,default:void 0},disabled:Boolean,show:{type:Boolean,default:!0},inverted:Boolean,"onUpdate:expandedKeys":[Function,Array],onUpdateExpandedKeys:[Function,Array],onUpdateValue:[Function,Array],"onUpdate:value":[Function,Array],expandIcon:Function,renderIcon:Function,renderLabel:Function,renderExtra:Function,dropdownProps:Object,accordion:Boolean,nodeProps:Function,dropdownPlacement:{type:String,default:"bottom"},responsive:Boolean,items:Array,onOpenNamesChange:[Function,Array],onSelect:[Function,Array],onExpandedNamesChange:[Function,Array],expandedNames:Array,defaultExpandedNames:Array};var tt=V({name:"Menu",inheritAttrs:!1,props:Jo,setup(e){const{mergedClsPrefixRef:t,inlineThemeDisabled:o}=se(e),l=oe("Menu","-menu",Lo,Ot,e,t),s=ee(lt,null),a=b(()=>{const{collapsed:p}=e;if(p!==void 0)return p;if(s){const{collapseModeRef:B,collapsedRef:r}=s;if(B.value==="width")return r.value??!1}return!1}),c=b(()=>{const{keyField:p,childrenField:B,disabledField:r}=e;return Be(e.items||e.options,{getIgnored(x){return Fe(x)},getChildren(x){return x[B]},getDisabled(x){return x[r]},getKey(x){return x[p]??x.name}})}),v=b(()=>new Set(c.value.treeNodes.map(p=>p.key))),{watchProps:f}=e,g=U(null);f?.includes("defaultValue")?Ee(()=>{g.value=e.defaultValue}):g.value=e.defaultValue;const P=ae(e,"value"),R=ue(P,g),z=U([]),H=()=>{z.value=e.defaultExpandAll?c.value.getNonLeafKeys():e.defaultExpandedNames||e.defaultExpandedKeys||c.value.getPath(R.value,{includeSelf:!1}).keyPath};f?.includes("defaultExpandedKeys")?Ee(H):H();const S=eo(e,["expandedNames","expandedKeys"]),C=ue(S,z),M=b(()=>c.value.treeNodes),L=b(()=>c.value.getPath(R.value).keyPath);te(fe,{props:e,mergedCollapsedRef:a,mergedThemeRef:l,mergedValueRef:R,mergedExpandedKeysRef:C,activePathRef:L,mergedClsPrefixRef:t,isHorizontalRef:b(()=>e.mode==="horizontal"),invertedRef:ae(e,"inverted"),doSelect:J,toggleExpand:Z});function J(p,B){const{"onUpdate:value":r,onUpdateValue:x,onSelect:j}=e;x&&K(x,p,B),r&&K(r,p,B),j&&K(j,p,B),g.value=p}function Y(p){const{"onUpdate:expandedKeys":B,onUpdateExpandedKeys:r,onExpandedNamesChange:x,onOpenNamesChange:j}=e;B&&K(B,p),r&&K(r,p),x&&K(x,p),j&&K(j,p),z.value=p}function Z(p){const B=Array.from(C.value),r=B.findIndex(x=>x===p);if(~r)B.splice(r,1);else{if(e.accordion&&v.value.has(p)){const x=B.findIndex(j=>v.value.has(j));x>-1&&B.splice(x,1)}B.push(p)}Y(B)}const E=p=>{const B=c.value.getPath(p??R.value,{includeSelf:!1}).keyPath;if(!B.length)return;const r=Array.from(C.value),x=new Set([...r,...B]);e.accordion&&v.value.forEach(j=>{x.has(j)&&!B.includes(j)&&x.delete(j)}),Y(Array.from(x))},d=b(()=>{const{inverted:p}=e,{common:{cubicBezierEaseInOut:B},self:r}=l.value,{borderRadius:x,borderColorHorizontal:j,fontSize:$e,itemHeight:Pe,dividerColor:_e}=r,n={"--n-divider-color":_e,"--n-bezier":B,"--n-font-size":$e,"--n-border-color-horizontal":j,"--n-border-radius":x,"--n-item-height":Pe};return p?(n["--n-group-text-color"]=r.groupTextColorInverted,n["--n-color"]=r.colorInverted,n["--n-item-text-color"]=r.itemTextColorInverted,n["--n-item-text-color-hover"]=r.itemTextColorHoverInverted,n["--n-item-text-color-active"]=r.itemTextColorActiveInverted,n["--n-item-text-color-child-active"]=r.itemTextColorChildActiveInverted,n["--n-item-text-color-child-active-hover"]=r.itemTextColorChildActiveInverted,n["--n-item-text-color-active-hover"]=r.itemTextColorActiveHoverInverted,n["--n-item-icon-color"]=r.itemIconColorInverted,n["--n-item-icon-color-hover"]=r.itemIconColorHoverInverted,n["--n-item-icon-color-active"]=r.itemIconColorActiveInverted,n["--n-item-icon-color-active-hover"]=r.itemIconColorActiveHoverInverted,n["--n-item-icon-color-child-active"]=r.itemIconColorChildActiveInverted,n["--n-item-icon-color-child-active-hover"]=r.itemIconColorChildActiveHoverInverted,n["--n-item-icon-color-collapsed"]=r.itemIconColorCollapsedInverted,n["--n-item-text-color-horizontal"]=r.itemTextColorHorizontalInverted,n["--n-item-text-color-hover-horizontal"]=r.itemTextColorHoverHorizontalInverted,n["--n-item-text-color-active-horizontal"]=r.itemTextColorActiveHorizontalInverted,n["--n-item-text-color-child-active-horizontal"]=r.itemTextColorChildActiveHorizontalInverted,n["--n-item-text-color-child-active-hover-horizontal"]=r.itemTextColorChildActiveHoverHorizontalInverted,n["--n-item-text-color-active-hover-horizontal"]=r.itemTextColorActiveHoverHorizontalInverted,n["--n-item-icon-color-horizontal"]=r.itemIconColorHorizontalInverted,n["--n-item-icon-color-hover-horizontal"]=r.itemIconColorHoverHorizontalInverted,n["--n-item-icon-color-active-horizontal"]=r.itemIconColorActiveHorizontalInverted,n["--n-item-icon-color-active-hover-horizontal"]=r.itemIconColorActiveHoverHorizontalInverted,n["--n-item-icon-color-child-active-horizontal"]=r.itemIconColorChildActiveHorizontalInverted,n["--n-item-icon-color-child-active-hover-horizontal"]=r.itemIconColorChildActiveHoverHorizontalInverted,n["--n-arrow-color"]=r.arrowColorInverted,n["--n-arrow-color-hover"]=r.arrowColorHoverInverted,n["--n-arrow-color-active"]=r.arrowColorActiveInverted,n["--n-arrow-color-active-hover"]=r.arrowColorActiveHoverInverted,n["--n-arrow-color-child-active"]=r.arrowColorChildActiveInverted,n["--n-arrow-color-child-active-hover"]=r.arrowColorChildActiveHoverInverted,n["--n-item-color-hover"]=r.itemColorHoverInverted,n["--n-item-color-active"]=r.itemColorActiveInverted,n["--n-item-color-active-hover"]=r.itemColorActiveHoverInverted,n["--n-item-color-active-collapsed"]=r.itemColorActiveCollapsedInverted):(n["--n-group-text-color"]=r.groupTextColor,n["--n-color"]=r.color,n["--n-item-text-color"]=r.itemTextColor,n["--n-item-text-color-hover"]=r.itemTextColorHover,n["--n-item-text-color-active"]=r.itemTextColorActive,n["--n-item-text-color-child-active"]=r.itemTextColorChildActive,n["--n-item-text-color-child-active-hover"]=r.itemTextColorChildActiveHover,n["--n-item-text-color-active-hover"]=r.itemTextColorActiveHover,n["--n-item-icon-color"]=r.itemIconColor,n["--n-item-icon-color-hover"]=r.itemIconColorHover,n["--n-item-icon-color-active"]=r.itemIconColorActive,n["--n-item-icon-color-active-hover"]=r.itemIconColorActiveHover,n["--n-item-icon-color-child-active"]=r.itemIconColorChildActive,n["--n-item-icon-color-child-active-hover"]=r.itemIconColorChildActiveHover,n["--n-item-icon-color-collapsed"]=r.itemIconColorCollapsed,n["--n-item-text-color-horizontal"]=r.itemTextColorHorizontal,n["--n-item-text-color-hover-horizontal"]=r.itemTextColorHoverHorizontal,n["--n-item-text-color-active-horizontal"]=r.itemTextColorActiveHorizontal,n["--n-item-text-color-child-active-horizontal"]=r.itemTextColorChildActiveHorizontal,n["--n-item-text-color-child-active-hover-horizontal"]=r.itemTextColorChildActiveHoverHorizontal,n["--n-item-text-color-active-hover-horizontal"]=r.itemTextColorActiveHoverHorizontal,n["--n-item-icon-color-horizontal"]=r.itemIconColorHorizontal,n["--n-item-icon-color-hover-horizontal"]=r.itemIconColorHoverHorizontal,n["--n-item-icon-color-active-horizontal"]=r.itemIconColorActiveHorizontal,n["--n-item-icon-color-active-hover-horizontal"]=r.itemIconColorActiveHoverHorizontal,n["--n-item-icon-color-child-active-horizontal"]=r.itemIconColorChildActiveHorizontal,n["--n-item-icon-color-child-active-hover-horizontal"]=r.itemIconColorChildActiveHoverHorizontal,n["--n-arrow-color"]=r.arrowColor,n["--n-arrow-color-hover"]=r.arrowColorHover,n["--n-arrow-color-active"]=r.arrowColorActive,n["--n-arrow-color-active-hover"]=r.arrowColorActiveHover,n["--n-arrow-color-child-active"]=r.arrowColorChildActive,n["--n-arrow-color-child-active-hover"]=r.arrowColorChildActiveHover,n["--n-item-color-hover"]=r.itemColorHover,n["--n-item-color-active"]=r.itemColorActive,n["--n-item-color-active-hover"]=r.itemColorActiveHover,n["--n-item-color-active-collapsed"]=r.itemColorActiveCollapsed),n}),_=o?me("menu",b(()=>e.inverted?"a":"b"),d,e):void 0,O=Mt(),k=U(null),N=U(null);let T=!0;const ge=()=>{T?T=!1:k.value?.sync({showAllItemsBeforeCalculate:!0})};function Ce(){return document.getElementById(O)}const ne=U(-1);function we(p){ne.value=e.options.length-p}function ze(p){p||(ne.value=-1)}const Se=b(()=>{const p=ne.value;return{children:p===-1?[]:e.options.slice(p)}}),Ie=b(()=>{const{childrenField:p,disabledField:B,keyField:r}=e;return Be([Se.value],{getIgnored(x){return Fe(x)},getChildren(x){return x[p]},getDisabled(x){return x[B]},getKey(x){return x[r]??x.name}})}),ke=b(()=>Be([{}]).treeNodes[0]);function Re(){if(ne.value===-1)return i(),A(Ne,{root:!0,level:0,key:"__ellpisisGroupPlaceholder__",internalKey:"__ellpisisGroupPlaceholder__",title:"···",tmNode:ke.value,domId:O,isEllipsisPlaceholder:!0},null,8,["tmNode","domId"]);const p=Ie.value.treeNodes[0],B=L.value,r=!!p.children?.some(x=>B.includes(x.key));return i(),A(Ne,{level:0,root:!0,key:"__ellpisisGroup__",internalKey:"__ellpisisGroup__",title:"···",virtualChildActive:r,tmNode:p,domId:O,rawNodes:p.rawNode.children||[],tmNodes:p.children||[],isEllipsisPlaceholder:!0},null,8,["virtualChildActive","tmNode","domId","rawNodes","tmNodes"])}return{mergedClsPrefix:t,controlledExpandedKeys:S,uncontrolledExpanededKeys:z,mergedExpandedKeys:C,uncontrolledValue:g,mergedValue:R,activePath:L,tmNodes:M,mergedTheme:l,mergedCollapsed:a,cssVars:o?void 0:d,themeClass:_?.themeClass,overflowRef:k,counterRef:N,updateCounter:()=>{},onResize:ge,onUpdateOverflow:ze,onUpdateCount:we,renderCounter:Re,getCounter:Ce,onRender:_?.onRender,showOption:E,deriveResponsiveState:ge}},render(){const{mergedClsPrefix:e,mode:t,themeClass:o,onRender:l}=this;l?.();const s=()=>this.tmNodes.map(v=>We(v,this.$props)),a=t==="horizontal"&&this.responsive,c=()=>ie("div",G(this.$attrs,{role:t==="horizontal"?"menubar":"menu",class:[`${e}-menu`,o,`${e}-menu--${t}`,a&&`${e}-menu--responsive`,this.mergedCollapsed&&`${e}-menu--collapsed`],style:this.cssVars}),a?(i(),A(Xt,{key:2,ref:"overflowRef",onUpdateOverflow:this.onUpdateOverflow,getCounter:this.getCounter,onUpdateCount:this.onUpdateCount,updateCounter:this.updateCounter,style:{width:"100%",display:"flex",overflow:"hidden"}},{default:s,counter:this.renderCounter},1032,["onUpdateOverflow","getCounter","onUpdateCount","updateCounter"])):s());return a?(i(),A(Ft,{key:3,onResize:this.onResize},{default:c},1032,["onResize"])):c()}});const Qo="/favicon.svg",er={class:"skip-link",href:"#main"},tr={class:"row"},or=["title","aria-label"],rr={class:"row"},nr={class:"who nowrap muted","data-test":"who"},ir=["aria-label"],lr={id:"main",tabindex:"-1"},ar=["aria-label"],sr=V({__name:"AppShell",setup(e){const{t}=Lt(),o=Dt(),l=oo(),s=Yt(),a=Wt(),c=U(!1),v=U(!1);let f=null;const g=S=>v.value=S.matches;Ut(()=>{f=matchMedia("(max-width: 768px)"),g(f),f.addEventListener("change",g),l.connect()}),rt(()=>{f?.removeEventListener("change",g),l.disconnect()});const P=b(()=>qt.filter(S=>(!S.admin||o.isAdmin)&&(!S.super||o.isSuper)).map(S=>({key:S.name,label:()=>ie(Ze,{to:{name:S.name},"data-test":"nav-"+S.name,onClick:()=>c.value=!1},{default:()=>t(S.label)})}))),R=b(()=>s.name==="log"?"logs":String(s.name??"")),z=b(()=>o.user?.name??t("users.roles.super-admin"));async function H(){await o.logout(),l.disconnect(),await a.push({name:"login"})}return(S,C)=>{const M=jt("RouterView");return i(),y(X,null,[D("a",er,be(F(t)("app.skip")),1),q(F(Je),{position:"absolute"},{default:Q(()=>[q(F(To),{bordered:"",class:"header"},{default:Q(()=>[D("div",tr,[v.value?(i(),A(F(Xe),{key:0,quaternary:"",size:"small","data-test":"menu-button","aria-label":F(t)("nav.menu"),onClick:C[0]||(C[0]=L=>c.value=!0)},{default:Q(()=>[...C[2]||(C[2]=[D("span",{"aria-hidden":"true"},"☰",-1)])]),_:1},8,["aria-label"])):Ge("",!0),q(F(Ze),{to:"/dashboard",class:"brand"},{default:Q(()=>[C[3]||(C[3]=D("img",{src:Qo,alt:"",width:"22",height:"22"},null,-1)),D("strong",null,be(F(t)("app.name")),1)]),_:1}),D("span",{class:Kt(["dot",{on:F(l).connected}]),role:"status","data-test":"live-dot",title:F(l).connected?F(t)("common.live"):F(t)("common.offline"),"aria-label":F(l).connected?F(t)("common.live"):F(t)("common.offline")},null,10,or)]),D("div",rr,[q(to),D("span",nr,be(z.value),1),q(F(Xe),{size:"small",secondary:"","data-test":"sign-out",onClick:H},{default:Q(()=>[Vt(be(F(t)("nav.signOut")),1)]),_:1})])]),_:1}),q(F(Je),{"has-sider":"",position:"absolute",style:{top:"56px"}},{default:Q(()=>[v.value?Ge("",!0):(i(),A(F(Oo),{key:0,bordered:"",width:190,"native-scrollbar":!1},{default:Q(()=>[D("nav",{"aria-label":F(t)("nav.menu")},[q(F(tt),{value:R.value,options:P.value},null,8,["value","options"])],8,ir)]),_:1})),q(F($o),{"native-scrollbar":!0,"content-style":"padding: 16px; max-width: 1400px;"},{default:Q(()=>[D("main",lr,[q(M)])]),_:1})]),_:1}),q(F(wo),{show:c.value,"onUpdate:show":C[1]||(C[1]=L=>c.value=L),placement:"left",width:240},{default:Q(()=>[q(F(So),{title:F(t)("nav.menu"),closable:""},{default:Q(()=>[D("nav",{"aria-label":F(t)("nav.menu")},[q(F(tt),{value:R.value,options:P.value},null,8,["value","options"])],8,ar)]),_:1},8,["title"])]),_:1},8,["show"])]),_:1})],64)}}}),wr=Gt(sr,[["__scopeId","data-v-78b04068"]]);export{wr as default};
