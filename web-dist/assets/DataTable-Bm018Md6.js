import{al as Ee,h as q,a0 as Y,c as v,d as N,b as Re,b5 as ct,aG as lr,aH as ir,e as ie,u as He,aQ as po,o as n,f as S,g as B,n as O,s as mt,b6 as sr,b7 as zt,i as Se,O as Oe,j as Ye,H as G,an as it,b8 as dr,b9 as vo,Q as xt,l as Ct,m as b,as as cr,a7 as H,aJ as ye,aa as le,F as he,ah as Bt,z as w,Y as _t,ao as go,b3 as gt,ba as ur,U as Mt,aS as bt,L as Ce,aO as fr,aq as bo,a as yt,b2 as Lt,R as ft,bb as yo,aj as Xe,bc as hr,bd as xo,be as Co,K as ko,b1 as wo,bf as Rt,S as mr,E as Ot,V as Ro,bg as pt,bh as Ie,w as pr,bi as vr,bj as So,bk as Po,bl as Fo,bm as Ut,bn as zo,bo as Mo,T as To,bp as $o}from"./index-0AYua6BM.js";import{u as gr,C as Bo}from"./Suffix-DRYQ0bC9.js";import{a as _o,c as br,b as Lo,p as It,P as yr,m as Kt,u as Eo,S as Ao,f as Ke,d as xr,g as Nt,E as Oo,e as Dt}from"./Select-at1TLeNJ.js";import{I as Ht}from"./Input-_qzSyEcK.js";import{c as Uo,D as Io}from"./Dropdown-DoF0pYXk.js";import{h as ht}from"./cssr-C-fuwc_s.js";import{u as st}from"./_plugin-vue_export-helper-xv-J9KQq.js";import{T as Ko}from"./Tooltip-DzsHXTfY.js";import{a as Cr,R as No}from"./RadioGroup-8wcjfHWU.js";import{C as Do}from"./ChevronRight-CnC_i75B.js";function Ho(e,t){if(!e)return;const r=document.createElement("a");r.href=e,t!==void 0&&(r.download=t),document.body.appendChild(r),r.click(),document.body.removeChild(r)}var Vo=()=>(()=>{const e=Ee("75be776d8875fa17");return e[0]||(e[0]=q("svg",{viewBox:"0 0 64 64",class:"check-icon"},[q("path",{d:"M50.42,16.76L22.34,39.45l-8.1-11.46c-1.12-1.58-3.3-1.96-4.88-0.84c-1.58,1.12-1.95,3.3-0.84,4.88l10.26,14.51  c0.56,0.79,1.42,1.31,2.38,1.45c0.16,0.02,0.32,0.03,0.48,0.03c0.8,0,1.57-0.27,2.2-0.78l30.99-25.03c1.5-1.21,1.74-3.42,0.52-4.92  C54.13,15.78,51.93,15.55,50.42,16.76z"})],-1))})(),jo=()=>(()=>{const e=Ee("c6eed899356c8404");return e[0]||(e[0]=q("svg",{viewBox:"0 0 100 100",class:"line-icon"},[q("path",{d:"M80.2,55.5H21.4c-2.8,0-5.1-2.5-5.1-5.5l0,0c0-3,2.3-5.5,5.1-5.5h58.7c2.8,0,5.1,2.5,5.1,5.5l0,0C85.2,53.1,82.9,55.5,80.2,55.5z"})],-1))})(),Wo=Y([v("checkbox",`
 font-size: var(--n-font-size);
 outline: none;
 cursor: pointer;
 display: inline-flex;
 flex-wrap: nowrap;
 align-items: flex-start;
 word-break: break-word;
 line-height: var(--n-size);
 --n-merged-color-table: var(--n-color-table);
 `,[N("show-label","line-height: var(--n-label-line-height);"),Y("&:hover",[v("checkbox-box",[Re("border","border: var(--n-border-checked);")])]),Y("&:focus:not(:active)",[v("checkbox-box",[Re("border",`
 border: var(--n-border-focus);
 box-shadow: var(--n-box-shadow-focus);
 `)])]),N("inside-table",[v("checkbox-box",`
 background-color: var(--n-merged-color-table);
 `)]),N("checked",[v("checkbox-box",`
 background-color: var(--n-color-checked);
 `,[v("checkbox-icon",[Y(".check-icon",`
 opacity: 1;
 transform: scale(1);
 `)])])]),N("indeterminate",[v("checkbox-box",[v("checkbox-icon",[Y(".check-icon",`
 opacity: 0;
 transform: scale(.5);
 `),Y(".line-icon",`
 opacity: 1;
 transform: scale(1);
 `)])])]),N("checked, indeterminate",[Y("&:focus:not(:active)",[v("checkbox-box",[Re("border",`
 border: var(--n-border-checked);
 box-shadow: var(--n-box-shadow-focus);
 `)])]),v("checkbox-box",`
 background-color: var(--n-color-checked);
 border-left: 0;
 border-top: 0;
 `,[Re("border",{border:"var(--n-border-checked)"})])]),N("disabled",{cursor:"not-allowed"},[N("checked",[v("checkbox-box",`
 background-color: var(--n-color-disabled-checked);
 `,[Re("border",{border:"var(--n-border-disabled-checked)"}),v("checkbox-icon",[Y(".check-icon, .line-icon",{fill:"var(--n-check-mark-color-disabled-checked)"})])])]),v("checkbox-box",`
 background-color: var(--n-color-disabled);
 `,[Re("border",`
 border: var(--n-border-disabled);
 `),v("checkbox-icon",[Y(".check-icon, .line-icon",`
 fill: var(--n-check-mark-color-disabled);
 `)])]),Re("label",`
 color: var(--n-text-color-disabled);
 `)]),v("checkbox-box-wrapper",`
 position: relative;
 width: var(--n-size);
 flex-shrink: 0;
 flex-grow: 0;
 user-select: none;
 -webkit-user-select: none;
 `),v("checkbox-box",`
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
 `,[Re("border",`
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
 `),v("checkbox-icon",`
 display: flex;
 align-items: center;
 justify-content: center;
 position: absolute;
 left: 1px;
 right: 1px;
 top: 1px;
 bottom: 1px;
 `,[Y(".check-icon, .line-icon",`
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
 `),ct({left:"1px",top:"1px"})])]),Re("label",`
 color: var(--n-text-color);
 transition: color .3s var(--n-bezier);
 user-select: none;
 -webkit-user-select: none;
 padding: var(--n-label-padding);
 font-weight: var(--n-label-font-weight);
 `,[Y("&:empty",{display:"none"})])]),lr(v("checkbox",`
 --n-merged-color-table: var(--n-color-table-modal);
 `)),ir(v("checkbox",`
 --n-merged-color-table: var(--n-color-table-popover);
 `))]);const qo=["id"],Xo=["tabindex","aria-checked","aria-labelledby","onKeyup","onKeydown","onClick"],Go={...He.props,size:String,checked:{type:[Boolean,String,Number],default:void 0},defaultChecked:{type:[Boolean,String,Number],default:!1},value:[String,Number],disabled:{type:Boolean,default:void 0},indeterminate:Boolean,label:String,focusable:{type:Boolean,default:!0},checkedValue:{type:[Boolean,String,Number],default:!0},uncheckedValue:{type:[Boolean,String,Number],default:!1},"onUpdate:checked":[Function,Array],onUpdateChecked:[Function,Array],privateInsideTable:Boolean,onChange:[Function,Array]};var kt=ie({name:"Checkbox",props:Go,setup(e){const t=Oe(kr,null),r=G(null),{mergedClsPrefixRef:o,inlineThemeDisabled:a,mergedRtlRef:s,mergedComponentPropsRef:p}=Ye(e),m=G(e.defaultChecked),h=le(e,"checked"),d=st(h,m),g=it(()=>{if(t){const $=t.valueSetRef.value;return $&&e.value!==void 0?$.has(e.value):!1}else return d.value===e.checkedValue}),y=dr(e,{mergedSize($){const{size:W}=e;if(W!==void 0)return W;if(t){const{value:J}=t.mergedSizeRef;if(J!==void 0)return J}if($){const{mergedSize:J}=$;if(J!==void 0)return J.value}const Z=p?.value?.Checkbox?.size;return Z||"medium"},mergedDisabled($){const{disabled:W}=e;if(W!==void 0)return W;if(t){if(t.disabledRef.value)return!0;const{maxRef:{value:Z},checkedCountRef:J}=t;if(Z!==void 0&&J.value>=Z&&!g.value)return!0;const{minRef:{value:re}}=t;if(re!==void 0&&J.value<=re&&g.value)return!0}return $?$.disabled.value:!1}}),{mergedDisabledRef:x,mergedSizeRef:c}=y,l=He("Checkbox","-checkbox",Wo,vo,e,o);function u($){if(t&&e.value!==void 0)t.toggleCheckbox(!g.value,e.value);else{const{onChange:W,"onUpdate:checked":Z,onUpdateChecked:J}=e,{nTriggerFormInput:re,nTriggerFormChange:T}=y,ne=g.value?e.uncheckedValue:e.checkedValue;Z&&H(Z,ne,$),J&&H(J,ne,$),W&&H(W,ne,$),re(),T(),m.value=ne}}function i($){x.value||u($)}function C($){if(!x.value)switch($.key){case" ":case"Enter":u($)}}function R($){$.key===" "&&$.preventDefault()}const M={focus:()=>{r.value?.focus()},blur:()=>{r.value?.blur()}},V=xt("Checkbox",s,o),U=b(()=>{const{value:$}=c,{common:{cubicBezierEaseInOut:W},self:{borderRadius:Z,color:J,colorChecked:re,colorDisabled:T,colorTableHeader:ne,colorTableHeaderModal:z,colorTableHeaderPopover:P,checkMarkColor:I,checkMarkColorDisabled:A,border:L,borderFocus:ee,borderDisabled:se,borderChecked:ue,boxShadowFocus:f,textColor:F,textColorDisabled:K,checkMarkColorDisabledChecked:E,colorDisabledChecked:ae,borderDisabledChecked:fe,labelPadding:me,labelLineHeight:ve,labelFontWeight:k,[ye("fontSize",$)]:oe,[ye("size",$)]:be}}=l.value;return{"--n-label-line-height":ve,"--n-label-font-weight":k,"--n-size":be,"--n-bezier":W,"--n-border-radius":Z,"--n-border":L,"--n-border-checked":ue,"--n-border-focus":ee,"--n-border-disabled":se,"--n-border-disabled-checked":fe,"--n-box-shadow-focus":f,"--n-color":J,"--n-color-checked":re,"--n-color-table":ne,"--n-color-table-modal":z,"--n-color-table-popover":P,"--n-color-disabled":T,"--n-color-disabled-checked":ae,"--n-text-color":F,"--n-text-color-disabled":K,"--n-check-mark-color":I,"--n-check-mark-color-disabled":A,"--n-check-mark-color-disabled-checked":E,"--n-font-size":oe,"--n-label-padding":me}}),D=a?Ct("checkbox",b(()=>c.value[0]),U,e):void 0;return Object.assign(y,M,{rtlEnabled:V,selfRef:r,mergedClsPrefix:o,mergedDisabled:x,renderedChecked:g,mergedTheme:l,labelId:cr(),handleClick:i,handleKeyUp:C,handleKeyDown:R,cssVars:a?void 0:U,themeClass:D?.themeClass,onRender:D?.onRender})},render(){const{$slots:e,renderedChecked:t,mergedDisabled:r,indeterminate:o,privateInsideTable:a,cssVars:s,labelId:p,label:m,mergedClsPrefix:h,focusable:d,handleKeyUp:g,handleKeyDown:y,handleClick:x}=this;this.onRender?.();const c=po(e.default,l=>m||l?(n(),S("span",{key:1,class:O(`${h}-checkbox__label`),id:p},[B(()=>m||l)],10,qo)):null);return(()=>{const l=Ee("70be6e74cd27cb50");return n(),S("div",{ref:"selfRef",class:O([`${h}-checkbox`,this.themeClass,this.rtlEnabled&&`${h}-checkbox--rtl`,t&&`${h}-checkbox--checked`,r&&`${h}-checkbox--disabled`,o&&`${h}-checkbox--indeterminate`,a&&`${h}-checkbox--inside-table`,c&&`${h}-checkbox--show-label`]),tabindex:r||!d?void 0:0,role:"checkbox","aria-checked":o?"mixed":t,"aria-labelledby":p,style:Se(s),onKeyup:g,onKeydown:y,onClick:x,onMousedown:l[0]||(l[0]=()=>{zt("selectstart",window,u=>{u.preventDefault()},{once:!0})})},[q("div",{class:O(`${h}-checkbox-box-wrapper`)},[l[1]||(l[1]=B(" ",-1)),q("div",{class:O(`${h}-checkbox-box`)},[mt(sr,null,{default:()=>this.indeterminate?(n(),S("div",{key:"indeterminate",class:O(`${h}-checkbox-icon`)},[B(()=>jo())],2)):(n(),S("div",{key:"check",class:O(`${h}-checkbox-icon`)},[B(()=>Vo())],2))},1024),q("div",{class:O(`${h}-checkbox-box__border`)},null,2)],2)],2),B(()=>c)],46,Xo)})()}});const kr=Bt("n-checkbox-group"),Zo={min:Number,max:Number,size:String,options:Array,labelField:{type:String,default:"label"},valueField:{type:String,default:"value"},value:Array,defaultValue:{type:Array,default:null},disabled:{type:Boolean,default:void 0},"onUpdate:value":[Function,Array],onUpdateValue:[Function,Array],onChange:[Function,Array]};var Jo=ie({name:"CheckboxGroup",props:Zo,setup(e){const{mergedClsPrefixRef:t}=Ye(e),r=dr(e),{mergedSizeRef:o,mergedDisabledRef:a}=r,s=G(e.defaultValue),p=b(()=>e.value),m=st(p,s),h=b(()=>m.value?.length||0),d=b(()=>Array.isArray(m.value)?new Set(m.value):new Set);function g(y,x){const{nTriggerFormInput:c,nTriggerFormChange:l}=r,{onChange:u,"onUpdate:value":i,onUpdateValue:C}=e;if(Array.isArray(m.value)){const R=Array.from(m.value),M=R.findIndex(V=>V===x);y?~M||(R.push(x),C&&H(C,R,{actionType:"check",value:x}),i&&H(i,R,{actionType:"check",value:x}),c(),l(),s.value=R,u&&H(u,R)):~M&&(R.splice(M,1),C&&H(C,R,{actionType:"uncheck",value:x}),i&&H(i,R,{actionType:"uncheck",value:x}),u&&H(u,R),s.value=R,c(),l())}else y?(C&&H(C,[x],{actionType:"check",value:x}),i&&H(i,[x],{actionType:"check",value:x}),u&&H(u,[x]),s.value=[x],c(),l()):(C&&H(C,[],{actionType:"uncheck",value:x}),i&&H(i,[],{actionType:"uncheck",value:x}),u&&H(u,[]),s.value=[],c(),l())}return _t(kr,{checkedCountRef:h,maxRef:le(e,"max"),minRef:le(e,"min"),valueSetRef:d,disabledRef:a,mergedSizeRef:o,toggleCheckbox:g}),{mergedClsPrefix:t}},render(){const{options:e,labelField:t,valueField:r}=this.$props;return n(),S("div",{class:O(`${this.mergedClsPrefix}-checkbox-group`),role:"group"},[e?(n(),S(he,{key:0},[B(()=>e.map(o=>{const a=o[r];return n(),w(kt,{key:a,value:a,disabled:o.disabled,label:o[t]},null,8,["value","disabled","label"])}))],64)):(n(),S(he,{key:1},[B(()=>this.$slots.default?.())],64))],2)}});const wr=Bt("n-popselect");var Qo=v("popselect-menu",`
 box-shadow: var(--n-menu-box-shadow);
`);const Et={multiple:Boolean,value:{type:[String,Number,Array],default:null},cancelable:Boolean,options:{type:Array,default:()=>[]},size:String,scrollable:Boolean,"onUpdate:value":[Function,Array],onUpdateValue:[Function,Array],onMouseenter:Function,onMouseleave:Function,renderLabel:Function,showCheckmark:{type:Boolean,default:void 0},nodeProps:Function,virtualScroll:Boolean,onChange:[Function,Array]},Vt=go(Et);var Yo=ie({name:"PopselectPanel",props:Et,setup(e){const t=Oe(wr),{mergedClsPrefixRef:r,inlineThemeDisabled:o,mergedComponentPropsRef:a}=Ye(e),s=b(()=>e.size||a?.value?.Popselect?.size||"medium"),p=He("Popselect","-pop-select",Qo,ur,t.props,r),m=b(()=>br(e.options,Lo("value","children")));function h(l,u){const{onUpdateValue:i,"onUpdate:value":C,onChange:R}=e;i&&H(i,l,u),C&&H(C,l,u),R&&H(R,l,u)}function d(l){y(l.key)}function g(l){!ht(l,"action")&&!ht(l,"empty")&&!ht(l,"header")&&l.preventDefault()}function y(l){const{value:{getNode:u}}=m;if(e.multiple)if(Array.isArray(e.value)){const i=[],C=[];let R=!0;e.value.forEach(M=>{if(M===l){R=!1;return}const V=u(M);V&&(i.push(V.key),C.push(V.rawNode))}),R&&(i.push(l),C.push(u(l).rawNode)),h(i,C)}else{const i=u(l);i&&h([l],[i.rawNode])}else if(e.value===l&&e.cancelable)h(null,null);else{const i=u(l);i&&h(l,i.rawNode);const{"onUpdate:show":C,onUpdateShow:R}=t.props;C&&H(C,!1),R&&H(R,!1),t.setShow(!1)}bt(()=>{t.syncPosition()})}Mt(le(e,"options"),()=>{bt(()=>{t.syncPosition()})});const x=b(()=>{const{self:{menuBoxShadow:l}}=p.value;return{"--n-menu-box-shadow":l}}),c=o?Ct("select",void 0,x,t.props):void 0;return{mergedTheme:t.mergedThemeRef,mergedClsPrefix:r,treeMate:m,handleToggle:d,handleMenuMousedown:g,cssVars:o?void 0:x,themeClass:c?.themeClass,onRender:c?.onRender,mergedSize:s,scrollbarProps:t.props.scrollbarProps}},render(){return this.onRender?.(),n(),w(_o,{clsPrefix:this.mergedClsPrefix,focusable:!0,nodeProps:this.nodeProps,class:O([`${this.mergedClsPrefix}-popselect-menu`,this.themeClass]),style:Se(this.cssVars),theme:this.mergedTheme.peers.InternalSelectMenu,themeOverrides:this.mergedTheme.peerOverrides.InternalSelectMenu,multiple:this.multiple,treeMate:this.treeMate,size:this.mergedSize,value:this.value,virtualScroll:this.virtualScroll,scrollable:this.scrollable,scrollbarProps:this.scrollbarProps,renderLabel:this.renderLabel,onToggle:this.handleToggle,onMouseenter:this.onMouseenter,onMouseleave:this.onMouseenter,onMousedown:this.handleMenuMousedown,showCheckmark:this.showCheckmark},{_:1,header:gt(()=>this.$slots.header?.()||[]),action:gt(()=>this.$slots.action?.()||[]),empty:gt(()=>this.$slots.empty?.()||[])},8,["clsPrefix","nodeProps","class","style","theme","themeOverrides","multiple","treeMate","size","value","virtualScroll","scrollable","scrollbarProps","renderLabel","onToggle","onMouseenter","onMouseleave","onMousedown","showCheckmark"])}});const en={...He.props,...fr(It,["showArrow","arrow"]),placement:{...It.placement,default:"bottom"},trigger:{type:String,default:"hover"},...Et,scrollbarProps:Object};var tn=ie({name:"Popselect",props:en,slots:Object,inheritAttrs:!1,__popover__:!0,setup(e){const{mergedClsPrefixRef:t}=Ye(e),r=He("Popselect","-popselect",void 0,ur,e,t),o=G(null);function a(){o.value?.syncPosition()}function s(p){o.value?.setShow(p)}return _t(wr,{props:e,mergedThemeRef:r,syncPosition:a,setShow:s}),{syncPosition:a,setShow:s,popoverInstRef:o,mergedTheme:r}},render(){const{mergedTheme:e}=this,t={theme:e.peers.Popover,themeOverrides:e.peerOverrides.Popover,builtinThemeOverrides:{padding:"0"},ref:"popoverInstRef",internalRenderBody:(r,o,a,s,p)=>{const{$attrs:m}=this;return n(),w(Yo,Ce(m,{class:[m.class,r],style:[m.style,...a]},bo(this.$props,Vt),{ref:Uo(o),onMouseenter:Kt([s,m.onMouseenter]),onMouseleave:Kt([p,m.onMouseleave])}),{header:()=>this.$slots.header?.(),action:()=>this.$slots.action?.(),empty:()=>this.$slots.empty?.()},1040,["class","style","onMouseenter","onMouseleave"])}};return n(),w(yr,Ce(fr(this.$props,Vt),t,{internalDeactivateImmediately:!0}),{_:1,trigger:gt(()=>this.$slots.default?.())},16)}});const rn={tiny:"mini",small:"tiny",medium:"small",large:"medium",huge:"large"};function jt(e){const t=rn[e];if(t===void 0)throw new Error(`${e} has no smaller size.`);return t}var Wt=ie({name:"Backward",render(){return(()=>{const e=Ee("20cdf29399dd0749");return e[0]||(e[0]=q("svg",{viewBox:"0 0 20 20",fill:"none",xmlns:"http://www.w3.org/2000/svg"},[q("path",{d:"M12.2674 15.793C11.9675 16.0787 11.4927 16.0672 11.2071 15.7673L6.20572 10.5168C5.9298 10.2271 5.9298 9.7719 6.20572 9.48223L11.2071 4.23177C11.4927 3.93184 11.9675 3.92031 12.2674 4.206C12.5673 4.49169 12.5789 4.96642 12.2932 5.26634L7.78458 9.99952L12.2932 14.7327C12.5789 15.0326 12.5673 15.5074 12.2674 15.793Z",fill:"currentColor"})],-1))})()}}),qt=ie({name:"FastBackward",render(){return(()=>{const e=Ee("9d0d04cc580afefa");return e[0]||(e[0]=q("svg",{viewBox:"0 0 20 20",version:"1.1",xmlns:"http://www.w3.org/2000/svg"},[q("g",{stroke:"none","stroke-width":"1",fill:"none","fill-rule":"evenodd"},[q("g",{fill:"currentColor","fill-rule":"nonzero"},[q("path",{d:"M8.73171,16.7949 C9.03264,17.0795 9.50733,17.0663 9.79196,16.7654 C10.0766,16.4644 10.0634,15.9897 9.76243,15.7051 L4.52339,10.75 L17.2471,10.75 C17.6613,10.75 17.9971,10.4142 17.9971,10 C17.9971,9.58579 17.6613,9.25 17.2471,9.25 L4.52112,9.25 L9.76243,4.29275 C10.0634,4.00812 10.0766,3.53343 9.79196,3.2325 C9.50733,2.93156 9.03264,2.91834 8.73171,3.20297 L2.31449,9.27241 C2.14819,9.4297 2.04819,9.62981 2.01448,9.8386 C2.00308,9.89058 1.99707,9.94459 1.99707,10 C1.99707,10.0576 2.00356,10.1137 2.01585,10.1675 C2.05084,10.3733 2.15039,10.5702 2.31449,10.7254 L8.73171,16.7949 Z"})])])],-1))})()}}),Xt=ie({name:"FastForward",render(){return(()=>{const e=Ee("c2e477dd1211740a");return e[0]||(e[0]=q("svg",{viewBox:"0 0 20 20",version:"1.1",xmlns:"http://www.w3.org/2000/svg"},[q("g",{stroke:"none","stroke-width":"1",fill:"none","fill-rule":"evenodd"},[q("g",{fill:"currentColor","fill-rule":"nonzero"},[q("path",{d:"M11.2654,3.20511 C10.9644,2.92049 10.4897,2.93371 10.2051,3.23464 C9.92049,3.53558 9.93371,4.01027 10.2346,4.29489 L15.4737,9.25 L2.75,9.25 C2.33579,9.25 2,9.58579 2,10.0000012 C2,10.4142 2.33579,10.75 2.75,10.75 L15.476,10.75 L10.2346,15.7073 C9.93371,15.9919 9.92049,16.4666 10.2051,16.7675 C10.4897,17.0684 10.9644,17.0817 11.2654,16.797 L17.6826,10.7276 C17.8489,10.5703 17.9489,10.3702 17.9826,10.1614 C17.994,10.1094 18,10.0554 18,10.0000012 C18,9.94241 17.9935,9.88633 17.9812,9.83246 C17.9462,9.62667 17.8467,9.42976 17.6826,9.27455 L11.2654,3.20511 Z"})])])],-1))})()}}),Gt=ie({name:"Forward",render(){return(()=>{const e=Ee("6fb2c33c1e576c93");return e[0]||(e[0]=q("svg",{viewBox:"0 0 20 20",fill:"none",xmlns:"http://www.w3.org/2000/svg"},[q("path",{d:"M7.73271 4.20694C8.03263 3.92125 8.50737 3.93279 8.79306 4.23271L13.7944 9.48318C14.0703 9.77285 14.0703 10.2281 13.7944 10.5178L8.79306 15.7682C8.50737 16.0681 8.03263 16.0797 7.73271 15.794C7.43279 15.5083 7.42125 15.0336 7.70694 14.7336L12.2155 10.0005L7.70694 5.26729C7.42125 4.96737 7.43279 4.49264 7.73271 4.20694Z",fill:"currentColor"})],-1))})()}}),Zt=ie({name:"More",render(){return(()=>{const e=Ee("e4a3e3d3803c676d");return e[0]||(e[0]=q("svg",{viewBox:"0 0 16 16",version:"1.1",xmlns:"http://www.w3.org/2000/svg"},[q("g",{stroke:"none","stroke-width":"1",fill:"none","fill-rule":"evenodd"},[q("g",{fill:"currentColor","fill-rule":"nonzero"},[q("path",{d:"M4,7 C4.55228,7 5,7.44772 5,8 C5,8.55229 4.55228,9 4,9 C3.44772,9 3,8.55229 3,8 C3,7.44772 3.44772,7 4,7 Z M8,7 C8.55229,7 9,7.44772 9,8 C9,8.55229 8.55229,9 8,9 C7.44772,9 7,8.55229 7,8 C7,7.44772 7.44772,7 8,7 Z M12,7 C12.5523,7 13,7.44772 13,8 C13,8.55229 12.5523,9 12,9 C11.4477,9 11,8.55229 11,8 C11,7.44772 11.4477,7 12,7 Z"})])])],-1))})()}});const Jt=`
 background: var(--n-item-color-hover);
 color: var(--n-item-text-color-hover);
 border: var(--n-item-border-hover);
`,Qt=[N("button",`
 background: var(--n-button-color-hover);
 border: var(--n-button-border-hover);
 color: var(--n-button-icon-color-hover);
 `)];var on=v("pagination",`
 display: flex;
 vertical-align: middle;
 font-size: var(--n-item-font-size);
 flex-wrap: nowrap;
`,[v("pagination-prefix",`
 display: flex;
 align-items: center;
 margin: var(--n-prefix-margin);
 `),v("pagination-suffix",`
 display: flex;
 align-items: center;
 margin: var(--n-suffix-margin);
 `),Y("> *:not(:first-child)",`
 margin: var(--n-item-margin);
 `),v("select",`
 width: var(--n-select-width);
 `),Y("&.transition-disabled",[v("pagination-item","transition: none!important;")]),v("pagination-quick-jumper",`
 white-space: nowrap;
 display: flex;
 color: var(--n-jumper-text-color);
 transition: color .3s var(--n-bezier);
 align-items: center;
 font-size: var(--n-jumper-font-size);
 `,[v("input",`
 margin: var(--n-input-margin);
 width: var(--n-input-width);
 `)]),v("pagination-item",`
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
 `,[N("button",`
 background: var(--n-button-color);
 color: var(--n-button-icon-color);
 border: var(--n-button-border);
 padding: 0;
 `,[v("base-icon",`
 font-size: var(--n-button-icon-size);
 `)]),yt("disabled",[N("hover",Jt,Qt),Y("&:hover",Jt,Qt),Y("&:active",`
 background: var(--n-item-color-pressed);
 color: var(--n-item-text-color-pressed);
 border: var(--n-item-border-pressed);
 `,[N("button",`
 background: var(--n-button-color-pressed);
 border: var(--n-button-border-pressed);
 color: var(--n-button-icon-color-pressed);
 `)]),N("active",`
 background: var(--n-item-color-active);
 color: var(--n-item-text-color-active);
 border: var(--n-item-border-active);
 `,[Y("&:hover",`
 background: var(--n-item-color-active-hover);
 `)])]),N("disabled",`
 cursor: not-allowed;
 color: var(--n-item-text-color-disabled);
 `,[N("active, button",`
 background-color: var(--n-item-color-disabled);
 border: var(--n-item-border-disabled);
 `)])]),N("disabled",`
 cursor: not-allowed;
 `,[v("pagination-quick-jumper",`
 color: var(--n-jumper-text-color-disabled);
 `)]),N("simple",`
 display: flex;
 align-items: center;
 flex-wrap: nowrap;
 `,[v("pagination-quick-jumper",[v("input",`
 margin: 0;
 `)])])]);function Rr(e){if(!e)return 10;const{defaultPageSize:t}=e;if(t!==void 0)return t;const r=e.pageSizes?.[0];return typeof r=="number"?r:r?.value||10}function nn(e,t,r,o){let a=!1,s=!1,p=1,m=t;if(t===1)return{hasFastBackward:!1,hasFastForward:!1,fastForwardTo:m,fastBackwardTo:p,items:[{type:"page",label:1,active:e===1,mayBeFastBackward:!1,mayBeFastForward:!1}]};if(t===2)return{hasFastBackward:!1,hasFastForward:!1,fastForwardTo:m,fastBackwardTo:p,items:[{type:"page",label:1,active:e===1,mayBeFastBackward:!1,mayBeFastForward:!1},{type:"page",label:2,active:e===2,mayBeFastBackward:!0,mayBeFastForward:!1}]};const h=1,d=t;let g=e,y=e;const x=(r-5)/2;y+=Math.ceil(x),y=Math.min(Math.max(y,h+r-3),d-2),g-=Math.floor(x),g=Math.max(Math.min(g,d-r+3),3);let c=!1,l=!1;g>3&&(c=!0),y<d-2&&(l=!0);const u=[];u.push({type:"page",label:1,active:e===1,mayBeFastBackward:!1,mayBeFastForward:!1}),c?(a=!0,p=g-1,u.push({type:"fast-backward",active:!1,label:void 0,options:o?Yt(2,g-1):null})):d>=2&&u.push({type:"page",label:2,mayBeFastBackward:!0,mayBeFastForward:!1,active:e===2});for(let i=g;i<=y;++i)u.push({type:"page",label:i,mayBeFastBackward:!1,mayBeFastForward:!1,active:e===i});return l?(s=!0,m=y+1,u.push({type:"fast-forward",active:!1,label:void 0,options:o?Yt(y+1,d-1):null})):y===d-2&&u[u.length-1].label!==d-1&&u.push({type:"page",mayBeFastForward:!0,mayBeFastBackward:!1,label:d-1,active:e===d-1}),u[u.length-1].label!==d&&u.push({type:"page",mayBeFastForward:!1,mayBeFastBackward:!1,label:d,active:e===d}),{hasFastBackward:a,hasFastForward:s,fastBackwardTo:p,fastForwardTo:m,items:u}}function Yt(e,t){const r=[];for(let o=e;o<=t;++o)r.push({label:`${o}`,value:o});return r}const an=["onClick","onMouseenter","onMouseleave"],ln=["onClick"],sn=["onClick"],dn={...He.props,simple:Boolean,page:Number,defaultPage:{type:Number,default:1},itemCount:Number,pageCount:Number,defaultPageCount:{type:Number,default:1},showSizePicker:Boolean,pageSize:Number,defaultPageSize:Number,pageSizes:{type:Array,default(){return[10]}},showQuickJumper:Boolean,size:String,disabled:Boolean,pageSlot:{type:Number,default:9},selectProps:Object,prev:Function,next:Function,goto:Function,prefix:Function,suffix:Function,label:Function,displayOrder:{type:Array,default:["pages","size-picker","quick-jumper"]},to:Eo.propTo,showQuickJumpDropdown:{type:Boolean,default:!0},scrollbarProps:Object,"onUpdate:page":[Function,Array],onUpdatePage:[Function,Array],"onUpdate:pageSize":[Function,Array],onUpdatePageSize:[Function,Array],onPageSizeChange:[Function,Array],onChange:[Function,Array]};var cn=ie({name:"Pagination",props:dn,slots:Object,setup(e){const{mergedComponentPropsRef:t,mergedClsPrefixRef:r,inlineThemeDisabled:o,mergedRtlRef:a}=Ye(e),s=b(()=>e.size||t?.value?.Pagination?.size||"medium"),p=He("Pagination","-pagination",on,yo,e,r),{localeRef:m}=gr("Pagination"),h=G(null),d=G(e.defaultPage),g=G(Rr(e)),y=st(le(e,"page"),d),x=st(le(e,"pageSize"),g),c=b(()=>{const{itemCount:k}=e;if(k!==void 0)return Math.max(1,Math.ceil(k/x.value));const{pageCount:oe}=e;return oe!==void 0?Math.max(oe,1):1}),l=G("");ft(()=>{e.simple,l.value=String(y.value)});const u=G(!1),i=G(!1),C=G(!1),R=G(!1),M=()=>{e.disabled||(u.value=!0,I())},V=()=>{e.disabled||(u.value=!1,I())},U=()=>{i.value=!0,I()},D=()=>{i.value=!1,I()},$=k=>{A(k)},W=b(()=>nn(y.value,c.value,e.pageSlot,e.showQuickJumpDropdown));ft(()=>{W.value.hasFastBackward?W.value.hasFastForward||(u.value=!1,C.value=!1):(i.value=!1,R.value=!1)});const Z=b(()=>{const k=m.value.selectionSuffix;return e.pageSizes.map(oe=>typeof oe=="number"?{label:`${oe} / ${k}`,value:oe}:oe)}),J=b(()=>t?.value?.Pagination?.inputSize||jt(s.value)),re=b(()=>t?.value?.Pagination?.selectSize||jt(s.value)),T=b(()=>(y.value-1)*x.value),ne=b(()=>{const k=y.value*x.value-1,{itemCount:oe}=e;return oe!==void 0&&k>oe-1?oe-1:k}),z=b(()=>{const{itemCount:k}=e;return k!==void 0?k:(e.pageCount||1)*x.value}),P=xt("Pagination",a,r);function I(){bt(()=>{const{value:k}=h;k&&(k.classList.add("transition-disabled"),h.value?.offsetWidth,k.classList.remove("transition-disabled"))})}function A(k){if(k===y.value)return;const{"onUpdate:page":oe,onUpdatePage:be,onChange:pe,simple:Te}=e;oe&&H(oe,k),be&&H(be,k),pe&&H(pe,k),d.value=k,Te&&(l.value=String(k))}function L(k){if(k===x.value)return;const{"onUpdate:pageSize":oe,onUpdatePageSize:be,onPageSizeChange:pe}=e;oe&&H(oe,k),be&&H(be,k),pe&&H(pe,k),g.value=k,c.value<y.value&&A(c.value)}function ee(){e.disabled||A(Math.min(y.value+1,c.value))}function se(){e.disabled||A(Math.max(y.value-1,1))}function ue(){e.disabled||A(Math.min(W.value.fastForwardTo,c.value))}function f(){e.disabled||A(Math.max(W.value.fastBackwardTo,1))}function F(k){L(k)}function K(){const k=Number.parseInt(l.value);Number.isNaN(k)||(A(Math.max(1,Math.min(k,c.value))),e.simple||(l.value=""))}function E(){K()}function ae(k){if(!e.disabled)switch(k.type){case"page":A(k.label);break;case"fast-backward":f();break;case"fast-forward":ue()}}function fe(k){l.value=k.replace(/\D+/g,"")}ft(()=>{y.value,x.value,I()});const me=b(()=>{const k=s.value,{self:{buttonBorder:oe,buttonBorderHover:be,buttonBorderPressed:pe,buttonIconColor:Te,buttonIconColorHover:Ue,buttonIconColorPressed:j,itemTextColor:de,itemTextColorHover:Pe,itemTextColorPressed:xe,itemTextColorActive:Ne,itemTextColorDisabled:tt,itemColor:Ge,itemColorHover:Fe,itemColorPressed:ze,itemColorActive:rt,itemColorActiveHover:ot,itemColorDisabled:Ae,itemBorder:ke,itemBorderHover:Ze,itemBorderPressed:je,itemBorderActive:nt,itemBorderDisabled:at,itemBorderRadius:Je,jumperTextColor:Qe,jumperTextColorDisabled:_,buttonColor:X,buttonColorHover:Q,buttonColorPressed:te,[ye("itemPadding",k)]:we,[ye("itemMargin",k)]:Be,[ye("inputWidth",k)]:$e,[ye("selectWidth",k)]:ce,[ye("inputMargin",k)]:ge,[ye("selectMargin",k)]:_e,[ye("jumperFontSize",k)]:We,[ye("prefixMargin",k)]:et,[ye("suffixMargin",k)]:lt,[ye("itemSize",k)]:qe,[ye("buttonIconSize",k)]:dt,[ye("itemFontSize",k)]:ut,[`${ye("itemMargin",k)}Rtl`]:Me,[`${ye("inputMargin",k)}Rtl`]:Le},common:{cubicBezierEaseInOut:wt}}=p.value;return{"--n-prefix-margin":et,"--n-suffix-margin":lt,"--n-item-font-size":ut,"--n-select-width":ce,"--n-select-margin":_e,"--n-input-width":$e,"--n-input-margin":ge,"--n-input-margin-rtl":Le,"--n-item-size":qe,"--n-item-text-color":de,"--n-item-text-color-disabled":tt,"--n-item-text-color-hover":Pe,"--n-item-text-color-active":Ne,"--n-item-text-color-pressed":xe,"--n-item-color":Ge,"--n-item-color-hover":Fe,"--n-item-color-disabled":Ae,"--n-item-color-active":rt,"--n-item-color-active-hover":ot,"--n-item-color-pressed":ze,"--n-item-border":ke,"--n-item-border-hover":Ze,"--n-item-border-disabled":at,"--n-item-border-active":nt,"--n-item-border-pressed":je,"--n-item-padding":we,"--n-item-border-radius":Je,"--n-bezier":wt,"--n-jumper-font-size":We,"--n-jumper-text-color":Qe,"--n-jumper-text-color-disabled":_,"--n-item-margin":Be,"--n-item-margin-rtl":Me,"--n-button-icon-size":dt,"--n-button-icon-color":Te,"--n-button-icon-color-hover":Ue,"--n-button-icon-color-pressed":j,"--n-button-color-hover":Q,"--n-button-color":X,"--n-button-color-pressed":te,"--n-button-border":oe,"--n-button-border-hover":be,"--n-button-border-pressed":pe}}),ve=o?Ct("pagination",b(()=>{let k="";return k+=s.value[0],k}),me,e):void 0;return{rtlEnabled:P,mergedClsPrefix:r,locale:m,selfRef:h,mergedPage:y,pageItems:b(()=>W.value.items),mergedItemCount:z,jumperValue:l,pageSizeOptions:Z,mergedPageSize:x,inputSize:J,selectSize:re,mergedTheme:p,mergedPageCount:c,startIndex:T,endIndex:ne,showFastForwardMenu:C,showFastBackwardMenu:R,fastForwardActive:u,fastBackwardActive:i,handleMenuSelect:$,handleFastForwardMouseenter:M,handleFastForwardMouseleave:V,handleFastBackwardMouseenter:U,handleFastBackwardMouseleave:D,handleJumperInput:fe,handleBackwardClick:se,handleForwardClick:ee,handlePageItemClick:ae,handleSizePickerChange:F,handleQuickJumperChange:E,cssVars:o?void 0:me,themeClass:ve?.themeClass,onRender:ve?.onRender}},render(){const{$slots:e,mergedClsPrefix:t,disabled:r,cssVars:o,mergedPage:a,mergedPageCount:s,pageItems:p,showSizePicker:m,showQuickJumper:h,mergedTheme:d,locale:g,inputSize:y,selectSize:x,mergedPageSize:c,pageSizeOptions:l,jumperValue:u,simple:i,prev:C,next:R,prefix:M,suffix:V,label:U,goto:D,handleJumperInput:$,handleSizePickerChange:W,handleBackwardClick:Z,handlePageItemClick:J,handleForwardClick:re,handleQuickJumperChange:T,onRender:ne}=this;ne?.();const z=M||e.prefix,P=V||e.suffix,I=C||e.prev,A=R||e.next,L=U||e.label;return n(),S("div",{ref:"selfRef",class:O([`${t}-pagination`,this.themeClass,this.rtlEnabled&&`${t}-pagination--rtl`,r&&`${t}-pagination--disabled`,i&&`${t}-pagination--simple`]),style:Se(o)},[z?(n(),S("div",{key:0,class:O(`${t}-pagination-prefix`)},[B(()=>z({page:a,pageSize:c,pageCount:s,startIndex:this.startIndex,endIndex:this.endIndex,itemCount:this.mergedItemCount}))],2)):B(()=>null),B(()=>this.displayOrder.map(ee=>{switch(ee){case"pages":return(()=>{const se=Ee("9d36e2972681a71c");return n(),S(he,{key:"pages"},[q("div",{class:O([`${t}-pagination-item`,!I&&`${t}-pagination-item--button`,(a<=1||a>s||r)&&`${t}-pagination-item--disabled`]),onClick:Z},[I?(n(),S(he,{key:0},[B(()=>I({page:a,pageSize:c,pageCount:s,startIndex:this.startIndex,endIndex:this.endIndex,itemCount:this.mergedItemCount}))],64)):(n(),w(Xe,{key:1,clsPrefix:t},{default:()=>this.rtlEnabled?(n(),w(Gt,{key:2})):(n(),w(Wt,{key:3}))},1032,["clsPrefix"]))],10,ln),i?(n(),S(he,{key:0},[q("div",{class:O(`${t}-pagination-quick-jumper`)},[(n(),w(Ht,{value:u,onUpdateValue:$,size:y,placeholder:"",disabled:r,theme:d.peers.Input,themeOverrides:d.peerOverrides.Input,onChange:T},null,8,["value","onUpdateValue","size","disabled","theme","themeOverrides","onChange"]))],2),se[0]||(se[0]=B(" /",-1)),se[1]||(se[1]=B(" ",-1)),B(()=>s)],64)):(n(),S(he,{key:1},[B(()=>p.map(ue=>{let f,F,K;const{type:E}=ue,ae=E==="page"?`page-${ue.label}`:E;switch(E){case"page":const me=ue.label;L?f=L({type:"page",node:me,active:ue.active}):f=me;break;case"fast-forward":const ve=this.fastForwardActive?(n(),w(Xe,{key:6,clsPrefix:t},{default:()=>this.rtlEnabled?(n(),w(qt,{key:7})):(n(),w(Xt,{key:8}))},1032,["clsPrefix"])):(n(),w(Xe,{key:9,clsPrefix:t},{default:()=>(n(),w(Zt))},1032,["clsPrefix"]));L?f=L({type:"fast-forward",node:ve,active:this.fastForwardActive||this.showFastForwardMenu}):f=ve,F=this.handleFastForwardMouseenter,K=this.handleFastForwardMouseleave;break;case"fast-backward":const k=this.fastBackwardActive?(n(),w(Xe,{key:10,clsPrefix:t},{default:()=>this.rtlEnabled?(n(),w(Xt,{key:11})):(n(),w(qt,{key:12}))},1032,["clsPrefix"])):(n(),w(Xe,{key:13,clsPrefix:t},{default:()=>(n(),w(Zt))},1032,["clsPrefix"]));L?f=L({type:"fast-backward",node:k,active:this.fastBackwardActive||this.showFastBackwardMenu}):f=k,F=this.handleFastBackwardMouseenter,K=this.handleFastBackwardMouseleave}const fe=(n(),S("div",{key:ae,class:O([`${t}-pagination-item`,ue.active&&`${t}-pagination-item--active`,E!=="page"&&(E==="fast-backward"&&this.showFastBackwardMenu||E==="fast-forward"&&this.showFastForwardMenu)&&`${t}-pagination-item--hover`,r&&`${t}-pagination-item--disabled`,E==="page"&&`${t}-pagination-item--clickable`]),onClick:()=>{J(ue)},onMouseenter:F,onMouseleave:K},[B(()=>f)],42,an));return E==="page"||!ue.options?fe:(n(),w(tn,{to:this.to,key:ae,disabled:r,trigger:"hover",virtualScroll:!0,style:{width:"60px"},theme:d.peers.Popselect,themeOverrides:d.peerOverrides.Popselect,builtinThemeOverrides:{peers:{InternalSelectMenu:{height:"calc(var(--n-option-height) * 4.6)"}}},nodeProps:()=>({style:{justifyContent:"center"}}),show:E==="fast-backward"?this.showFastBackwardMenu:this.showFastForwardMenu,onUpdateShow:me=>{me?E==="fast-backward"?this.showFastBackwardMenu=me:this.showFastForwardMenu=me:(this.showFastBackwardMenu=!1,this.showFastForwardMenu=!1)},options:ue.options,onUpdateValue:this.handleMenuSelect,scrollable:!0,scrollbarProps:this.scrollbarProps,showCheckmark:!1},{default:()=>fe},1032,["to","disabled","theme","themeOverrides","show","onUpdateShow","options","onUpdateValue","scrollbarProps"]))}))],64)),q("div",{class:O([`${t}-pagination-item`,!A&&`${t}-pagination-item--button`,{[`${t}-pagination-item--disabled`]:a<1||a>=s||r}]),onClick:re},[A?(n(),S(he,{key:0},[B(()=>A({page:a,pageSize:c,pageCount:s,itemCount:this.mergedItemCount,startIndex:this.startIndex,endIndex:this.endIndex}))],64)):(n(),w(Xe,{key:1,clsPrefix:t},{default:()=>this.rtlEnabled?(n(),w(Wt,{key:4})):(n(),w(Gt,{key:5}))},1032,["clsPrefix"]))],10,sn)],64)})();case"size-picker":return!i&&m?(n(),w(Ao,Ce({key:14,consistentMenuWidth:!1,placeholder:"",showCheckmark:!1,to:this.to},this.selectProps,{size:x,options:l,value:c,disabled:r,scrollbarProps:this.scrollbarProps,theme:d.peers.Select,themeOverrides:d.peerOverrides.Select,onUpdateValue:W}),null,16,["to","size","options","value","disabled","scrollbarProps","theme","themeOverrides","onUpdateValue"])):null;case"quick-jumper":return!i&&h?(n(),S("div",{key:15,class:O(`${t}-pagination-quick-jumper`)},[D?(n(),S(he,{key:0},[B(()=>D())],64)):(n(),S(he,{key:1},[B(()=>Lt(this.$slots.goto,()=>[g.goto]))],64)),(n(),w(Ht,{value:u,onUpdateValue:$,size:y,placeholder:"",disabled:r,theme:d.peers.Input,themeOverrides:d.peerOverrides.Input,onChange:T},null,8,["value","onUpdateValue","size","disabled","theme","themeOverrides","onChange"]))],2)):null;default:return null}})),P?(n(),S("div",{key:2,class:O(`${t}-pagination-suffix`)},[B(()=>P({page:a,pageSize:c,pageCount:s,startIndex:this.startIndex,endIndex:this.endIndex,itemCount:this.mergedItemCount}))],2)):B(()=>null)],6)}});const un={...He.props,onUnstableColumnResize:Function,pagination:{type:[Object,Boolean],default:!1},paginateSinglePage:{type:Boolean,default:!0},minHeight:[Number,String],maxHeight:[Number,String],columns:{type:Array,default:()=>[]},rowClassName:[String,Function],rowProps:Function,rowKey:Function,summary:[Function],data:{type:Array,default:()=>[]},loading:Boolean,bordered:{type:Boolean,default:void 0},bottomBordered:{type:Boolean,default:void 0},striped:Boolean,scrollX:[Number,String],defaultCheckedRowKeys:{type:Array,default:()=>[]},checkedRowKeys:Array,singleLine:{type:Boolean,default:!0},singleColumn:Boolean,size:String,remote:Boolean,defaultExpandedRowKeys:{type:Array,default:[]},defaultExpandAll:Boolean,expandedRowKeys:Array,stickyExpandedRows:Boolean,virtualScroll:Boolean,virtualScrollX:Boolean,virtualScrollHeader:Boolean,headerHeight:{type:Number,default:28},heightForRow:Function,minRowHeight:{type:Number,default:28},tableLayout:{type:String,default:"auto"},allowCheckingNotLoaded:Boolean,cascade:{type:Boolean,default:!0},childrenKey:{type:String,default:"children"},indent:{type:Number,default:16},flexHeight:Boolean,summaryPlacement:{type:String,default:"bottom"},paginationBehaviorOnFilter:{type:String,default:"current"},filterIconPopoverProps:Object,scrollbarProps:Object,renderCell:Function,renderExpandIcon:Function,spinProps:Object,getCsvCell:Function,getCsvHeader:Function,onLoad:Function,"onUpdate:page":[Function,Array],onUpdatePage:[Function,Array],"onUpdate:pageSize":[Function,Array],onUpdatePageSize:[Function,Array],"onUpdate:sorter":[Function,Array],onUpdateSorter:[Function,Array],"onUpdate:filters":[Function,Array],onUpdateFilters:[Function,Array],"onUpdate:checkedRowKeys":[Function,Array],onUpdateCheckedRowKeys:[Function,Array],"onUpdate:expandedRowKeys":[Function,Array],onUpdateExpandedRowKeys:[Function,Array],onScroll:Function,onPageChange:[Function,Array],onPageSizeChange:[Function,Array],onSorterChange:[Function,Array],onFiltersChange:[Function,Array],onCheckedRowKeysChange:[Function,Array]},Ve=Bt("n-data-table");var Sr=v("ellipsis",{overflow:"hidden"},[yt("line-clamp",`
 white-space: nowrap;
 display: inline-block;
 vertical-align: bottom;
 max-width: 100%;
 `),N("line-clamp",`
 display: -webkit-inline-box;
 -webkit-box-orient: vertical;
 `),N("cursor-pointer",`
 cursor: pointer;
 `)]);const fn=["onClick"];function Tt(e){return`${e}-ellipsis--line-clamp`}function $t(e,t){return`${e}-ellipsis--cursor-${t}`}const Pr={...He.props,expandTrigger:String,lineClamp:[Number,String],tooltip:{type:[Boolean,Object],default:!0}};var At=ie({name:"Ellipsis",inheritAttrs:!1,props:Pr,slots:Object,setup(e,{slots:t,attrs:r}){const o=hr(),a=He("Ellipsis","-ellipsis",Sr,xo,e,o),s=G(null),p=G(null),m=G(null),h=G(!1),d=b(()=>{const{lineClamp:i}=e,{value:C}=h;return i!==void 0?{textOverflow:"","-webkit-line-clamp":C?"":i}:{textOverflow:C?"":"ellipsis","-webkit-line-clamp":""}});function g(){let i=!1;const{value:C}=h;if(C)return!0;const{value:R}=s;if(R){const{lineClamp:M}=e;if(c(R),M!==void 0)i=R.scrollHeight<=R.offsetHeight;else{const{value:V}=p;V&&(i=V.getBoundingClientRect().width<=R.getBoundingClientRect().width)}l(R,i)}return i}function y(){if(e.expandTrigger!=="click")return;const{value:i}=h;i&&m.value?.setShow(!1),h.value=!i}Co(()=>{e.tooltip&&m.value?.setShow(!1)});const x=()=>(()=>{const i=Ee("c61f52eafd841df5");return n(),S("span",Ce(Ce(r,{class:[`${o.value}-ellipsis`,e.lineClamp!==void 0?Tt(o.value):void 0,e.expandTrigger==="click"?$t(o.value,"pointer"):void 0],style:d.value}),{ref:"triggerRef",onClick:y,onMouseenter:i[0]||(i[0]=e.expandTrigger==="click"?g:void 0)}),[e.lineClamp?(n(),S(he,{key:0},[B(()=>t.default?.())],64)):(n(),S("span",{key:1,ref:"triggerInnerRef"},[B(()=>t.default?.())],512))],16,fn)})();function c(i){if(!i)return;const C=d.value,R=Tt(o.value);e.lineClamp!==void 0?u(i,R,"add"):u(i,R,"remove");for(const M in C)i.style[M]!==C[M]&&(i.style[M]=C[M])}function l(i,C){const R=$t(o.value,"pointer");e.expandTrigger==="click"&&!C?u(i,R,"add"):u(i,R,"remove")}function u(i,C,R){R==="add"?i.classList.contains(C)||i.classList.add(C):i.classList.contains(C)&&i.classList.remove(C)}return{mergedTheme:a,triggerRef:s,triggerInnerRef:p,tooltipRef:m,renderTrigger:x,getTooltipDisabled:g}},render(){const{tooltip:e,renderTrigger:t,$slots:r}=this;if(e){const{mergedTheme:o}=this;return n(),w(Ko,Ce({key:1,ref:"tooltipRef",placement:"top"},e,{getDisabled:this.getTooltipDisabled,theme:o.peers.Tooltip,themeOverrides:o.peerOverrides.Tooltip}),{trigger:t,default:r.tooltip??r.default},1040,["getDisabled","theme","themeOverrides"])}else return t()}});const hn=ie({name:"PerformantEllipsis",props:Pr,inheritAttrs:!1,setup(e,{attrs:t,slots:r}){const o=G(!1),a=hr();return wo("-ellipsis",Sr,a),{mouseEntered:o,renderTrigger:()=>{const{lineClamp:p}=e,m=a.value;return(()=>{const h=Ee("dba02f32d69b23e6");return n(),S("span",Ce(Ce(t,{class:[`${m}-ellipsis`,p!==void 0?Tt(m):void 0,e.expandTrigger==="click"?$t(m,"pointer"):void 0],style:p===void 0?{textOverflow:"ellipsis"}:{"-webkit-line-clamp":p}}),{onMouseenter:h[0]||(h[0]=()=>{o.value=!0})}),[p?(n(),S(he,{key:0},[B(()=>r.default?.())],64)):(n(),S("span",{key:1},[B(()=>r.default?.())]))],16)})()}}},render(){return this.mouseEntered?ko(At,Ce({},this.$attrs,this.$props),this.$slots):this.renderTrigger()}});function er(e){if(e.type==="selection")return e.width===void 0?40:Rt(e.width);if(e.type==="expand")return e.width===void 0?40:Rt(e.width);if(!("children"in e))return typeof e.width=="string"?Rt(e.width):e.width}function mn(e){if(e.type==="selection")return Ke(e.width??40);if(e.type==="expand")return Ke(e.width??40);if(!("children"in e))return Ke(e.width)}function De(e){return e.type==="selection"?"__n_selection__":e.type==="expand"?"__n_expand__":e.key}function tr(e){return e&&(typeof e=="object"?Object.assign({},e):e)}function pn(e){return e==="ascend"?1:e==="descend"?-1:0}function vn(e,t,r){return r!==void 0&&(e=Math.min(e,typeof r=="number"?r:Number.parseFloat(r))),t!==void 0&&(e=Math.max(e,typeof t=="number"?t:Number.parseFloat(t))),e}function gn(e,t){if(t!==void 0)return{width:t,minWidth:t,maxWidth:t};const r=mn(e),{minWidth:o,maxWidth:a}=e;return{width:r,minWidth:Ke(o)||r,maxWidth:Ke(a)}}function bn(e,t,r){return typeof r=="function"?r(e,t):r||""}function St(e){return e.filterOptionValues!==void 0||e.filterOptionValue===void 0&&e.defaultFilterOptionValues!==void 0}function Pt(e){return"children"in e?!1:!!e.sorter}function Fr(e){return"children"in e&&e.children.length?!1:!!e.resizable}function rr(e){return"children"in e?!1:!!e.filter&&(!!e.filterOptions||!!e.renderFilterMenu)}function or(e){if(e){if(e==="descend")return"ascend"}else return"descend";return!1}function yn(e,t){if(e.sorter===void 0)return null;const{customNextSortOrder:r}=e;return t===null||t.columnKey!==e.key?{columnKey:e.key,sorter:e.sorter,order:or(!1)}:{...t,order:(r||or)(t.order)}}function zr(e,t){return t.find(r=>r.columnKey===e.key&&r.order)!==void 0}function xn(e){return typeof e=="string"?e.replace(/,/g,"\\,"):e==null?"":`${e}`.replace(/,/g,"\\,")}function Cn(e,t,r,o){const a=e.filter(s=>s.type!=="expand"&&s.type!=="selection"&&s.allowExport!==!1);return[a.map(s=>o?o(s):s.title).join(","),...t.map(s=>a.map(p=>r?r(s[p.key],s,p):xn(s[p.key])).join(","))].join(`
`)}var kn=ie({name:"Filter",render(){return(()=>{const e=Ee("32f755e984c27f19");return e[0]||(e[0]=q("svg",{viewBox:"0 0 28 28",version:"1.1",xmlns:"http://www.w3.org/2000/svg"},[q("g",{stroke:"none","stroke-width":"1","fill-rule":"evenodd"},[q("g",{"fill-rule":"nonzero"},[q("path",{d:"M17,19 C17.5522847,19 18,19.4477153 18,20 C18,20.5522847 17.5522847,21 17,21 L11,21 C10.4477153,21 10,20.5522847 10,20 C10,19.4477153 10.4477153,19 11,19 L17,19 Z M21,13 C21.5522847,13 22,13.4477153 22,14 C22,14.5522847 21.5522847,15 21,15 L7,15 C6.44771525,15 6,14.5522847 6,14 C6,13.4477153 6.44771525,13 7,13 L21,13 Z M24,7 C24.5522847,7 25,7.44771525 25,8 C25,8.55228475 24.5522847,9 24,9 L4,9 C3.44771525,9 3,8.55228475 3,8 C3,7.44771525 3.44771525,7 4,7 L24,7 Z"})])])],-1))})()}}),wn=ie({name:"DataTableFilterMenu",props:{column:{type:Object,required:!0},radioGroupName:{type:String,required:!0},multiple:{type:Boolean,required:!0},value:{type:[Array,String,Number],default:null},options:{type:Array,required:!0},onConfirm:{type:Function,required:!0},onClear:{type:Function,required:!0},onChange:{type:Function,required:!0}},setup(e){const{mergedClsPrefixRef:t,mergedRtlRef:r}=Ye(e),o=xt("DataTable",r,t),{mergedClsPrefixRef:a,mergedThemeRef:s,localeRef:p}=Oe(Ve),m=G(e.value),h=b(()=>{const{value:l}=m;return Array.isArray(l)?l:null}),d=b(()=>{const{value:l}=m;return St(e.column)?Array.isArray(l)&&l.length&&l[0]||null:Array.isArray(l)?null:l});function g(l){e.onChange(l)}function y(l){e.multiple&&Array.isArray(l)?m.value=l:St(e.column)&&!Array.isArray(l)?m.value=[l]:m.value=l}function x(){g(m.value),e.onConfirm()}function c(){e.multiple||St(e.column)?g([]):g(null),e.onClear()}return{mergedClsPrefix:a,rtlEnabled:o,mergedTheme:s,locale:p,checkboxGroupValue:h,radioGroupValue:d,handleChange:y,handleConfirmClick:x,handleClearClick:c}},render(){const{mergedTheme:e,locale:t,mergedClsPrefix:r}=this;return n(),S("div",{class:O([`${r}-data-table-filter-menu`,this.rtlEnabled&&`${r}-data-table-filter-menu--rtl`])},[mt(mr,null,{default:()=>{const{checkboxGroupValue:o,handleChange:a}=this;return this.multiple?(n(),w(Jo,{key:1,value:o,class:O(`${r}-data-table-filter-menu__group`),onUpdateValue:a},{default:()=>this.options.map(s=>(n(),w(kt,{key:s.value,theme:e.peers.Checkbox,themeOverrides:e.peerOverrides.Checkbox,value:s.value},{default:()=>s.label},1032,["theme","themeOverrides","value"])))},1032,["value","class","onUpdateValue"])):(n(),w(No,{key:2,name:this.radioGroupName,class:O(`${r}-data-table-filter-menu__group`),value:this.radioGroupValue,onUpdateValue:this.handleChange},{default:()=>this.options.map(s=>(n(),w(Cr,{key:s.value,value:s.value,theme:e.peers.Radio,themeOverrides:e.peerOverrides.Radio},{default:()=>s.label},1032,["value","theme","themeOverrides"])))},1032,["name","class","value","onUpdateValue"]))}},1024),q("div",{class:O(`${r}-data-table-filter-menu__action`)},[(n(),w(Ot,{size:"tiny",theme:e.peers.Button,themeOverrides:e.peerOverrides.Button,onClick:this.handleClearClick},{default:()=>t.clear},1032,["theme","themeOverrides","onClick"])),(n(),w(Ot,{theme:e.peers.Button,themeOverrides:e.peerOverrides.Button,type:"primary",size:"tiny",onClick:this.handleConfirmClick},{default:()=>t.confirm},1032,["theme","themeOverrides","onClick"]))],2)],2)}}),Rn=ie({name:"DataTableRenderFilter",props:{render:{type:Function,required:!0},active:Boolean,show:Boolean},render(){const{render:e,active:t,show:r}=this;return e({active:t,show:r})}});function Sn(e,t,r){const o=Object.assign({},e);return o[t]=r,o}var Pn=ie({name:"DataTableFilterButton",props:{column:{type:Object,required:!0},options:{type:Array,default:()=>[]}},setup(e){const{mergedComponentPropsRef:t}=Ye(),{mergedThemeRef:r,mergedClsPrefixRef:o,mergedFilterStateRef:a,filterMenuCssVarsRef:s,paginationBehaviorOnFilterRef:p,doUpdatePage:m,doUpdateFilters:h,filterIconPopoverPropsRef:d}=Oe(Ve),g=G(!1),y=a,x=b(()=>e.column.filterMultiple!==!1),c=b(()=>{const M=y.value[e.column.key];if(M===void 0){const{value:V}=x;return V?[]:null}return M}),l=b(()=>{const{value:M}=c;return Array.isArray(M)?M.length>0:M!==null}),u=b(()=>t?.value?.DataTable?.renderFilter||e.column.renderFilter);function i(M){const V=Sn(y.value,e.column.key,M);h(V,e.column),p.value==="first"&&m(1)}function C(){g.value=!1}function R(){g.value=!1}return{mergedTheme:r,mergedClsPrefix:o,active:l,showPopover:g,mergedRenderFilter:u,filterIconPopoverProps:d,filterMultiple:x,mergedFilterValue:c,filterMenuCssVars:s,handleFilterChange:i,handleFilterMenuConfirm:R,handleFilterMenuCancel:C}},render(){const{mergedTheme:e,mergedClsPrefix:t,handleFilterMenuCancel:r,filterIconPopoverProps:o}=this;return n(),w(yr,Ce({show:this.showPopover,onUpdateShow:a=>this.showPopover=a,trigger:"click",theme:e.peers.Popover,themeOverrides:e.peerOverrides.Popover,placement:"bottom"},o,{style:{padding:0}}),{trigger:()=>{const{mergedRenderFilter:a}=this;if(a)return n(),w(Rn,{key:1,"data-data-table-filter":!0,render:a,active:this.active,show:this.showPopover},null,8,["render","active","show"]);const{renderFilterIcon:s}=this.column;return n(),S("div",{"data-data-table-filter":!0,class:O([`${t}-data-table-filter`,{[`${t}-data-table-filter--active`]:this.active,[`${t}-data-table-filter--show`]:this.showPopover}])},[s?(n(),S(he,{key:0},[B(()=>s({active:this.active,show:this.showPopover}))],64)):(n(),w(Xe,{key:1,clsPrefix:t},{default:()=>(n(),w(kn))},1032,["clsPrefix"]))],2)},default:()=>{const{renderFilterMenu:a}=this.column;return a?a({hide:r}):(n(),w(wn,{key:2,style:Se(this.filterMenuCssVars),radioGroupName:String(this.column.key),multiple:this.filterMultiple,value:this.mergedFilterValue,options:this.options,column:this.column,onChange:this.handleFilterChange,onClear:this.handleFilterMenuCancel,onConfirm:this.handleFilterMenuConfirm},null,8,["style","radioGroupName","multiple","value","options","column","onChange","onClear","onConfirm"]))}},1040,["show","onUpdateShow","theme","themeOverrides"])}});const Fn=["onMousedown"];var zn=ie({name:"ColumnResizeButton",props:{onResizeStart:Function,onResize:Function,onResizeEnd:Function},setup(e){const{mergedClsPrefixRef:t}=Oe(Ve),r=G(!1);let o=0;function a(h){return h.clientX}function s(h){h.preventDefault();const d=r.value;o=a(h),r.value=!0,d||(zt("mousemove",window,p),zt("mouseup",window,m),e.onResizeStart?.())}function p(h){e.onResize?.(a(h)-o)}function m(){r.value=!1,e.onResizeEnd?.(),pt("mousemove",window,p),pt("mouseup",window,m)}return Ro(()=>{pt("mousemove",window,p),pt("mouseup",window,m)}),{mergedClsPrefix:t,active:r,handleMousedown:s}},render(){const{mergedClsPrefix:e}=this;return n(),S("span",{"data-data-table-resizable":!0,class:O([`${e}-data-table-resize-button`,this.active&&`${e}-data-table-resize-button--active`]),onMousedown:this.handleMousedown},null,42,Fn)}}),Mn=ie({name:"ArrowDown",render(){return(()=>{const e=Ee("bd1a1948a64f963c");return e[0]||(e[0]=q("svg",{viewBox:"0 0 28 28",version:"1.1",xmlns:"http://www.w3.org/2000/svg"},[q("g",{stroke:"none","stroke-width":"1","fill-rule":"evenodd"},[q("g",{"fill-rule":"nonzero"},[q("path",{d:"M23.7916,15.2664 C24.0788,14.9679 24.0696,14.4931 23.7711,14.206 C23.4726,13.9188 22.9978,13.928 22.7106,14.2265 L14.7511,22.5007 L14.7511,3.74792 C14.7511,3.33371 14.4153,2.99792 14.0011,2.99792 C13.5869,2.99792 13.2511,3.33371 13.2511,3.74793 L13.2511,22.4998 L5.29259,14.2265 C5.00543,13.928 4.53064,13.9188 4.23213,14.206 C3.93361,14.4931 3.9244,14.9679 4.21157,15.2664 L13.2809,24.6944 C13.6743,25.1034 14.3289,25.1034 14.7223,24.6944 L23.7916,15.2664 Z"})])])],-1))})()}}),Tn=ie({name:"DataTableRenderSorter",props:{render:{type:Function,required:!0},order:{type:[String,Boolean],default:!1}},render(){const{render:e,order:t}=this;return e({order:t})}}),$n=ie({name:"SortIcon",props:{column:{type:Object,required:!0}},setup(e){const{mergedComponentPropsRef:t}=Ye(),{mergedSortStateRef:r,mergedClsPrefixRef:o}=Oe(Ve),a=b(()=>r.value.find(p=>p.columnKey===e.column.key)),s=b(()=>a.value!==void 0);return{mergedClsPrefix:o,active:s,mergedSortOrder:b(()=>{const{value:p}=a;return p&&s.value?p.order:!1}),mergedRenderSorter:b(()=>t?.value?.DataTable?.renderSorter||e.column.renderSorter)}},render(){const{mergedRenderSorter:e,mergedSortOrder:t,mergedClsPrefix:r}=this,{renderSorterIcon:o}=this.column;return e?(n(),w(Tn,{key:1,render:e,order:t},null,8,["render","order"])):(n(),S("span",{key:2,class:O([`${r}-data-table-sorter`,t==="ascend"&&`${r}-data-table-sorter--asc`,t==="descend"&&`${r}-data-table-sorter--desc`])},[o?(n(),S(he,{key:0},[B(()=>o({order:t}))],64)):(n(),w(Xe,{key:1,clsPrefix:r},{default:()=>(n(),w(Mn))},1032,["clsPrefix"]))],2))}});const Mr="_n_all__",Tr="_n_none__";function Bn(e,t,r,o){return e?a=>{for(const s of e)switch(a){case Mr:r(!0);return;case Tr:o(!0);return;default:if(typeof s=="object"&&s.key===a){s.onSelect(t.value);return}}}:()=>{}}function _n(e,t){return e?e.map(r=>{switch(r){case"all":return{label:t.checkTableAll,key:Mr};case"none":return{label:t.uncheckTableAll,key:Tr};default:return r}}):[]}var Ln=ie({name:"DataTableSelectionMenu",props:{clsPrefix:{type:String,required:!0}},setup(e){const{props:t,localeRef:r,checkOptionsRef:o,rawPaginatedDataRef:a,doCheckAll:s,doUncheckAll:p}=Oe(Ve),m=b(()=>Bn(o.value,a,s,p)),h=b(()=>_n(o.value,r.value));return()=>{const{clsPrefix:d}=e;return n(),w(Io,{theme:t.theme?.peers?.Dropdown,themeOverrides:t.themeOverrides?.peers?.Dropdown,options:h.value,onSelect:m.value},{default:()=>(n(),w(Xe,{clsPrefix:d,class:O(`${d}-data-table-check-extra`)},{default:()=>(n(),w(Bo))},1032,["clsPrefix","class"]))},1032,["theme","themeOverrides","options","onSelect"])}}});const En=["data-n-id"],An=["colspan"],On={style:{position:"relative"}},Un=["data-n-id"],In=["onScroll"];function Ft(e){return typeof e.title=="function"?e.title(e):e.title}const Kn=ie({props:{clsPrefix:{type:String,required:!0},id:{type:String,required:!0},cols:{type:Array,required:!0},width:String},render(){const{clsPrefix:e,id:t,cols:r,width:o}=this;return n(),S("table",{style:Se({tableLayout:"fixed",width:o}),class:O(`${e}-data-table-table`)},[q("colgroup",null,[B(()=>r.map(a=>(n(),S("col",{key:a.key,style:Se(a.style)},null,4))))]),q("thead",{"data-n-id":t,class:O(`${e}-data-table-thead`)},[B(()=>this.$slots.default?.())],10,En)],6)}});var $r=ie({name:"DataTableHeader",props:{discrete:{type:Boolean,default:!0}},setup(){const{mergedClsPrefixRef:e,scrollXRef:t,fixedColumnLeftMapRef:r,fixedColumnRightMapRef:o,mergedCurrentPageRef:a,allRowsCheckedRef:s,someRowsCheckedRef:p,rowsRef:m,colsRef:h,mergedThemeRef:d,checkOptionsRef:g,mergedSortStateRef:y,componentId:x,mergedTableLayoutRef:c,headerCheckboxDisabledRef:l,virtualScrollHeaderRef:u,headerHeightRef:i,onUnstableColumnResize:C,doUpdateResizableWidth:R,handleTableHeaderScroll:M,deriveNextSorter:V,doUncheckAll:U,doCheckAll:D}=Oe(Ve),$=G(),W=G({});function Z(P){return W.value[P]?.getBoundingClientRect().width}function J(){s.value?U():D()}function re(P,I){if(ht(P,"dataTableFilter")||ht(P,"dataTableResizable")||!Pt(I))return;const A=y.value.find(ee=>ee.columnKey===I.key)||null,L=yn(I,A);V(L)}const T=new Map;function ne(P){T.set(P.key,Z(P.key))}function z(P,I){const A=T.get(P.key);if(A===void 0)return;const L=A+I,ee=vn(L,P.minWidth,P.maxWidth);C(L,ee,P,Z),R(P,ee)}return{cellElsRef:W,componentId:x,mergedSortState:y,mergedClsPrefix:e,scrollX:t,fixedColumnLeftMap:r,fixedColumnRightMap:o,currentPage:a,allRowsChecked:s,someRowsChecked:p,rows:m,cols:h,mergedTheme:d,checkOptions:g,mergedTableLayout:c,headerCheckboxDisabled:l,headerHeight:i,virtualScrollHeader:u,virtualListRef:$,handleCheckboxUpdateChecked:J,handleColHeaderClick:re,handleTableHeaderScroll:M,handleColumnResizeStart:ne,handleColumnResize:z}},render(){const{cellElsRef:e,mergedClsPrefix:t,fixedColumnLeftMap:r,fixedColumnRightMap:o,currentPage:a,allRowsChecked:s,someRowsChecked:p,rows:m,cols:h,mergedTheme:d,checkOptions:g,componentId:y,discrete:x,mergedTableLayout:c,headerCheckboxDisabled:l,mergedSortState:u,virtualScrollHeader:i,handleColHeaderClick:C,handleCheckboxUpdateChecked:R,handleColumnResizeStart:M,handleColumnResize:V}=this,U=(Z,J,re)=>Z.map(({column:T,colIndex:ne,colSpan:z,rowSpan:P,isLast:I})=>{const A=De(T),{ellipsis:L}=T,ee=()=>T.type==="selection"?T.multiple!==!1?(n(),S(he,{key:1},[(n(),w(kt,{key:a,privateInsideTable:!0,checked:s,indeterminate:p,disabled:l,onUpdateChecked:R},null,8,["checked","indeterminate","disabled","onUpdateChecked"])),g?(n(),w(Ln,{key:0,clsPrefix:t},null,8,["clsPrefix"])):B(()=>null)],64)):null:(n(),S(he,null,[q("div",{class:O(`${t}-data-table-th__title-wrapper`)},[q("div",{class:O(`${t}-data-table-th__title`)},[L===!0||L&&!L.tooltip?(n(),S("div",{key:0,class:O(`${t}-data-table-th__ellipsis`)},[B(()=>Ft(T))],2)):(n(),S(he,{key:1},[L&&typeof L=="object"?(n(),w(At,Ce({key:0},L,{theme:d.peers.Ellipsis,themeOverrides:d.peerOverrides.Ellipsis}),{default:()=>Ft(T)},1040,["theme","themeOverrides"])):(n(),S(he,{key:1},[B(()=>Ft(T))],64))],64))],2),Pt(T)?(n(),w($n,{key:0,column:T},null,8,["column"])):B(()=>null)],2),rr(T)?(n(),w(Pn,{key:0,column:T,options:T.filterOptions},null,8,["column","options"])):B(()=>null),Fr(T)?(n(),w(zn,{key:2,onResizeStart:()=>{M(T)},onResize:F=>{V(T,F)}},null,8,["onResizeStart","onResize"])):B(()=>null)],64)),se=A in r,ue=A in o,f=J&&!T.fixed?"div":"th";return n(),w(f,{ref:F=>e[A]=F,key:A,style:Se([J&&!T.fixed?{position:"absolute",left:Ie(J(ne)),top:0,bottom:0}:{left:Ie(r[A]?.start),right:Ie(o[A]?.start)},{width:Ie(T.width),textAlign:T.titleAlign||T.align,height:re}]),colspan:z,rowspan:P,"data-col-key":A,class:O([`${t}-data-table-th`,(se||ue)&&`${t}-data-table-th--fixed-${se?"left":"right"}`,{[`${t}-data-table-th--sorting`]:zr(T,u),[`${t}-data-table-th--filterable`]:rr(T),[`${t}-data-table-th--sortable`]:Pt(T),[`${t}-data-table-th--selection`]:T.type==="selection",[`${t}-data-table-th--last`]:I},T.className]),onClick:T.type!=="selection"&&T.type!=="expand"&&!("children"in T)?F=>{C(F,T)}:void 0},{default:pr(()=>[B(()=>ee())]),_:2},1032,["style","colspan","rowspan","data-col-key","class","onClick"])});if(i){const{headerHeight:Z}=this;let J=0,re=0;return h.forEach(T=>{T.column.fixed==="left"?J++:T.column.fixed==="right"&&re++}),n(),w(xr,{key:2,ref:"virtualListRef",class:O(`${t}-data-table-base-table-header`),style:Se({height:Ie(Z)}),onScroll:this.handleTableHeaderScroll,columns:h,itemSize:Z,showScrollbar:!1,items:[{}],itemResizable:!1,visibleItemsTag:Kn,visibleItemsProps:{clsPrefix:t,id:y,cols:h,width:Ke(this.scrollX)},renderItemWithCols:({startColIndex:T,endColIndex:ne,getLeft:z})=>{const P=h.map((A,L)=>({column:A.column,isLast:L===h.length-1,colIndex:A.index,colSpan:1,rowSpan:1})).filter(({column:A},L)=>!!(T<=L&&L<=ne||A.fixed)),I=U(P,z,Ie(Z));return I.splice(J,0,(n(),S("th",{colspan:h.length-J-re,style:{pointerEvents:"none",visibility:"hidden",height:0}},null,8,An))),n(),S("tr",On,[B(()=>I)])}},{default:({renderedItemWithCols:T})=>T},1032,["class","style","onScroll","columns","itemSize","visibleItemsTag","visibleItemsProps","renderItemWithCols"])}const D=(n(),S("thead",{class:O(`${t}-data-table-thead`),"data-n-id":y},[B(()=>m.map(Z=>(n(),S("tr",{class:O(`${t}-data-table-tr`)},[B(()=>U(Z,null,void 0))],2))))],10,Un));if(!x)return D;const{handleTableHeaderScroll:$,scrollX:W}=this;return n(),S("div",{class:O(`${t}-data-table-base-table-header`),onScroll:$},[q("table",{class:O(`${t}-data-table-table`),style:Se({minWidth:Ke(W),tableLayout:c})},[q("colgroup",null,[B(()=>h.map(Z=>(n(),S("col",{key:Z.key,style:Se(Z.style)},null,4))))]),B(()=>D)],6)],42,In)}}),Nn=ie({name:"DataTableBodyCheckbox",props:{rowKey:{type:[String,Number],required:!0},disabled:{type:Boolean,required:!0},onUpdateChecked:{type:Function,required:!0}},setup(e){const{mergedCheckedRowKeySetRef:t,mergedInderminateRowKeySetRef:r}=Oe(Ve);return()=>{const{rowKey:o}=e;return n(),w(kt,{privateInsideTable:!0,disabled:e.disabled,indeterminate:r.value.has(o),checked:t.value.has(o),onUpdateChecked:e.onUpdateChecked},null,8,["disabled","indeterminate","checked","onUpdateChecked"])}}}),Dn=ie({name:"DataTableBodyRadio",props:{rowKey:{type:[String,Number],required:!0},disabled:{type:Boolean,required:!0},onUpdateChecked:{type:Function,required:!0}},setup(e){const{mergedCheckedRowKeySetRef:t,componentId:r}=Oe(Ve);return()=>{const{rowKey:o}=e;return n(),w(Cr,{name:r,disabled:e.disabled,checked:t.value.has(o),onUpdateChecked:e.onUpdateChecked},null,8,["name","disabled","checked","onUpdateChecked"])}}}),Hn=ie({name:"DataTableCell",props:{clsPrefix:{type:String,required:!0},row:{type:Object,required:!0},index:{type:Number,required:!0},column:{type:Object,required:!0},isSummary:Boolean,mergedTheme:{type:Object,required:!0},renderCell:Function},render(){const{isSummary:e,column:t,row:r,renderCell:o}=this;let a;const{render:s,key:p,ellipsis:m}=t;if(s&&!e?a=s(r,this.index):e?a=r[p]?.value:a=o?o(Nt(r,p),r,t):Nt(r,p),m)if(typeof m=="object"){const{mergedTheme:h}=this;return t.ellipsisComponent==="performant-ellipsis"?(n(),w(hn,Ce({key:1},m,{theme:h.peers.Ellipsis,themeOverrides:h.peerOverrides.Ellipsis}),{default:()=>a},1040,["theme","themeOverrides"])):(n(),w(At,Ce({key:2},m,{theme:h.peers.Ellipsis,themeOverrides:h.peerOverrides.Ellipsis}),{default:()=>a},1040,["theme","themeOverrides"]))}else return n(),S("span",{key:3,class:O(`${this.clsPrefix}-data-table-td__ellipsis`)},[B(()=>a)],2);return a}});const Vn=["onClick"];var nr=ie({name:"DataTableExpandTrigger",props:{clsPrefix:{type:String,required:!0},expanded:Boolean,loading:Boolean,onClick:{type:Function,required:!0},renderExpandIcon:{type:Function},rowData:{type:Object,required:!0}},render(){const{clsPrefix:e}=this;return(()=>{const t=Ee("82f30e69bbec5134");return n(),S("div",{class:O([`${e}-data-table-expand-trigger`,this.expanded&&`${e}-data-table-expand-trigger--expanded`]),onClick:this.onClick,onMousedown:t[0]||(t[0]=r=>{r.preventDefault()})},[mt(sr,null,{default:()=>this.loading?(n(),w(vr,{key:"loading",clsPrefix:this.clsPrefix,radius:85,strokeWidth:15,scale:.88},null,8,["clsPrefix"])):this.renderExpandIcon?this.renderExpandIcon({expanded:this.expanded,rowData:this.rowData}):(n(),w(Xe,{clsPrefix:e,key:"base-icon"},{default:()=>(n(),w(Do))},1032,["clsPrefix"]))},1024)],42,Vn)})()}});const jn=["onMouseenter","onMouseleave"],Wn=["data-n-id"],qn=["colspan"],Xn=["colspan"],Gn=["onMouseenter"],Zn=["onMouseleave"];function Jn(e,t){const r=[];function o(a,s){a.forEach(p=>{p.children&&t.has(p.key)?(r.push({tmNode:p,striped:!1,key:p.key,index:s}),o(p.children,s)):r.push({key:p.key,tmNode:p,striped:!1,index:s})})}return e.forEach(a=>{r.push(a);const{children:s}=a.tmNode;s&&t.has(a.key)&&o(s,a.index)}),r}const Qn=ie({props:{clsPrefix:{type:String,required:!0},id:{type:String,required:!0},cols:{type:Array,required:!0},onMouseenter:Function,onMouseleave:Function},render(){const{clsPrefix:e,id:t,cols:r,onMouseenter:o,onMouseleave:a}=this;return n(),S("table",{style:{tableLayout:"fixed"},class:O(`${e}-data-table-table`),onMouseenter:o,onMouseleave:a},[q("colgroup",null,[B(()=>r.map(s=>(n(),S("col",{key:s.key,style:Se(s.style)},null,4))))]),q("tbody",{"data-n-id":t,class:O(`${e}-data-table-tbody`)},[B(()=>this.$slots.default?.())],10,Wn)],42,jn)}});var Yn=ie({name:"DataTableBody",props:{onResize:Function,showHeader:Boolean,flexHeight:Boolean,bodyStyle:Object},setup(e){const{slots:t,bodyWidthRef:r,mergedExpandedRowKeysRef:o,mergedClsPrefixRef:a,mergedThemeRef:s,scrollXRef:p,colsRef:m,paginatedDataRef:h,rawPaginatedDataRef:d,fixedColumnLeftMapRef:g,fixedColumnRightMapRef:y,mergedCurrentPageRef:x,rowClassNameRef:c,leftActiveFixedColKeyRef:l,leftActiveFixedChildrenColKeysRef:u,rightActiveFixedColKeyRef:i,rightActiveFixedChildrenColKeysRef:C,renderExpandRef:R,hoverKeyRef:M,summaryRef:V,mergedSortStateRef:U,virtualScrollRef:D,virtualScrollXRef:$,heightForRowRef:W,minRowHeightRef:Z,componentId:J,mergedTableLayoutRef:re,childTriggerColIndexRef:T,indentRef:ne,rowPropsRef:z,stripedRef:P,loadingRef:I,onLoadRef:A,loadingKeySetRef:L,expandableRef:ee,stickyExpandedRowsRef:se,renderExpandIconRef:ue,summaryPlacementRef:f,treeMateRef:F,scrollbarPropsRef:K,setHeaderScrollLeft:E,doUpdateExpandedRowKeys:ae,handleTableBodyScroll:fe,doCheck:me,doUncheck:ve,renderCell:k,xScrollableRef:oe,explicitlyScrollableRef:be}=Oe(Ve),pe=Oe(So,null),Te=G(null),Ue=G(null),j=G(null),de=b(()=>pe?.mergedComponentPropsRef.value?.DataTable?.renderEmpty),Pe=it(()=>h.value.length===0),xe=it(()=>D.value&&!Pe.value);let Ne="";const tt=b(()=>new Set(o.value));function Ge(_){return F.value.getNode(_)?.rawNode}function Fe(_,X,Q){const te=Ge(_.key);if(!te){Ut("data-table",`fail to get row data with key ${_.key}`);return}if(Q){const we=h.value.findIndex(Be=>Be.key===Ne);if(we!==-1){const Be=h.value.findIndex(_e=>_e.key===_.key),$e=Math.min(we,Be),ce=Math.max(we,Be),ge=[];h.value.slice($e,ce+1).forEach(_e=>{_e.disabled||ge.push(_e.key)}),X?me(ge,!1,te):ve(ge,te),Ne=_.key;return}}X?me(_.key,!1,te):ve(_.key,te),Ne=_.key}function ze(_){const X=Ge(_.key);if(!X){Ut("data-table",`fail to get row data with key ${_.key}`);return}me(_.key,!0,X)}function rt(){if(xe.value)return ke();const{value:_}=Te;return _?_.containerRef:null}function ot(_,X){if(L.value.has(_))return;const{value:Q}=o,te=Q.indexOf(_),we=Array.from(Q);~te?(we.splice(te,1),ae(we)):X&&!X.isLeaf&&!X.shallowLoaded?(L.value.add(_),A.value?.(X.rawNode).then(()=>{const{value:Be}=o,$e=Array.from(Be);~$e.indexOf(_)||$e.push(_),ae($e)}).finally(()=>{L.value.delete(_)})):(we.push(_),ae(we))}function Ae(){M.value=null}function ke(){const{value:_}=Ue;return _?.listElRef||null}function Ze(){const{value:_}=Ue;return _?.itemsElRef||null}function je(_){fe(_),Te.value?.sync()}function nt(_){const{onResize:X}=e;X&&X(_),Te.value?.sync()}const at={getScrollContainer:rt,scrollTo(_,X){D.value?Ue.value?.scrollTo(_,X):Te.value?.scrollTo(_,X)}},Je=Y([({props:_})=>{const X=te=>te===null?null:Y(`[data-n-id="${_.componentId}"] [data-col-key="${te}"]::after`,{boxShadow:"var(--n-box-shadow-after)"}),Q=te=>te===null?null:Y(`[data-n-id="${_.componentId}"] [data-col-key="${te}"]::before`,{boxShadow:"var(--n-box-shadow-before)"});return Y([X(_.leftActiveFixedColKey),Q(_.rightActiveFixedColKey),_.leftActiveFixedChildrenColKeys.map(te=>X(te)),_.rightActiveFixedChildrenColKeys.map(te=>Q(te))])}]);let Qe=!1;return ft(()=>{const{value:_}=l,{value:X}=u,{value:Q}=i,{value:te}=C;if(!Qe&&_===null&&Q===null)return;const we={leftActiveFixedColKey:_,leftActiveFixedChildrenColKeys:X,rightActiveFixedColKey:Q,rightActiveFixedChildrenColKeys:te,componentId:J};Je.mount({id:`n-${J}`,force:!0,props:we,anchorMetaName:Po,parent:pe?.styleMountTarget}),Qe=!0}),Fo(()=>{Je.unmount({id:`n-${J}`,parent:pe?.styleMountTarget})}),{bodyWidth:r,summaryPlacement:f,dataTableSlots:t,componentId:J,scrollbarInstRef:Te,virtualListRef:Ue,emptyElRef:j,summary:V,mergedClsPrefix:a,mergedTheme:s,mergedRenderEmpty:de,scrollX:p,cols:m,loading:I,shouldDisplayVirtualList:xe,empty:Pe,paginatedDataAndInfo:b(()=>{const{value:_}=P;let X=!1;return{data:h.value.map(_?(Q,te)=>(Q.isLeaf||(X=!0),{tmNode:Q,key:Q.key,striped:te%2===1,index:te}):(Q,te)=>(Q.isLeaf||(X=!0),{tmNode:Q,key:Q.key,striped:!1,index:te})),hasChildren:X}}),rawPaginatedData:d,fixedColumnLeftMap:g,fixedColumnRightMap:y,currentPage:x,rowClassName:c,renderExpand:R,mergedExpandedRowKeySet:tt,hoverKey:M,mergedSortState:U,virtualScroll:D,virtualScrollX:$,heightForRow:W,minRowHeight:Z,mergedTableLayout:re,childTriggerColIndex:T,indent:ne,rowProps:z,loadingKeySet:L,expandable:ee,stickyExpandedRows:se,renderExpandIcon:ue,scrollbarProps:K,setHeaderScrollLeft:E,handleVirtualListScroll:je,handleVirtualListResize:nt,handleMouseleaveTable:Ae,virtualListContainer:ke,virtualListContent:Ze,handleTableBodyScroll:fe,handleCheckboxUpdateChecked:Fe,handleRadioUpdateChecked:ze,handleUpdateExpanded:ot,renderCell:k,explicitlyScrollable:be,xScrollable:oe,...at}},render(){const{mergedTheme:e,scrollX:t,mergedClsPrefix:r,explicitlyScrollable:o,xScrollable:a,loadingKeySet:s,onResize:p,setHeaderScrollLeft:m,empty:h,shouldDisplayVirtualList:d}=this,g={minWidth:Ke(t)||"100%"};t&&(g.width="100%");const y=()=>(n(),S("div",{class:O([`${r}-data-table-empty`,this.loading&&`${r}-data-table-empty--hide`]),style:Se([this.bodyStyle,a?"position: sticky; left: 0; width: var(--n-scrollbar-current-width);":void 0]),ref:"emptyElRef"},[B(()=>Lt(this.dataTableSlots.empty,()=>[this.mergedRenderEmpty?.()||(n(),w(Oo,{theme:this.mergedTheme.peers.Empty,themeOverrides:this.mergedTheme.peerOverrides.Empty},null,8,["theme","themeOverrides"]))]))],6));return n(),w(mr,Ce(this.scrollbarProps,{ref:"scrollbarInstRef",scrollable:o||a,class:`${r}-data-table-base-table-body`,style:h?void 0:this.bodyStyle,theme:e.peers.Scrollbar,themeOverrides:e.peerOverrides.Scrollbar,contentStyle:g,container:d?this.virtualListContainer:void 0,content:d?this.virtualListContent:void 0,horizontalRailStyle:{zIndex:3},verticalRailStyle:{zIndex:3},internalExposeWidthCssVar:a&&h,xScrollable:a,onScroll:d?void 0:this.handleTableBodyScroll,internalOnUpdateScrollLeft:m,onResize:p}),{default:()=>{if(this.empty&&!this.showHeader&&(this.explicitlyScrollable||this.xScrollable))return y();const x={},c={},{cols:l,paginatedDataAndInfo:u,mergedTheme:i,fixedColumnLeftMap:C,fixedColumnRightMap:R,currentPage:M,rowClassName:V,mergedSortState:U,mergedExpandedRowKeySet:D,stickyExpandedRows:$,componentId:W,childTriggerColIndex:Z,expandable:J,rowProps:re,handleMouseleaveTable:T,renderExpand:ne,summary:z,handleCheckboxUpdateChecked:P,handleRadioUpdateChecked:I,handleUpdateExpanded:A,heightForRow:L,minRowHeight:ee,virtualScrollX:se}=this,{length:ue}=l;let f;const{data:F,hasChildren:K}=u,E=K?Jn(F,D):F;if(z){const j=z(this.rawPaginatedData);if(Array.isArray(j)){const de=j.map((Pe,xe)=>({isSummaryRow:!0,key:`__n_summary__${xe}`,tmNode:{rawNode:Pe,disabled:!0},index:-1}));f=this.summaryPlacement==="top"?[...de,...E]:[...E,...de]}else{const de={isSummaryRow:!0,key:"__n_summary__",tmNode:{rawNode:j,disabled:!0},index:-1};f=this.summaryPlacement==="top"?[de,...E]:[...E,de]}}else f=E;const ae=K?{width:Ie(this.indent)}:void 0,fe=[];f.forEach(j=>{ne&&D.has(j.key)&&(!J||J(j.tmNode.rawNode))?fe.push(j,{isExpandedRow:!0,key:`${j.key}-expand`,tmNode:j.tmNode,index:j.index}):fe.push(j)});const{length:me}=fe,ve={};F.forEach(({tmNode:j},de)=>{ve[de]=j.key});const k=$?this.bodyWidth:null,oe=k===null?void 0:`${k}px`,be=this.virtualScrollX?"div":"td";let pe=0,Te=0;se&&l.forEach(j=>{j.column.fixed==="left"?pe++:j.column.fixed==="right"&&Te++});const Ue=({rowInfo:j,displayedRowIndex:de,isVirtual:Pe,isVirtualX:xe,startColIndex:Ne,endColIndex:tt,getLeft:Ge})=>{const{index:Fe}=j;if("isExpandedRow"in j){const{tmNode:{key:_,rawNode:X}}=j;return n(),S("tr",{class:O(`${r}-data-table-tr ${r}-data-table-tr--expanded`),key:`${_}__expand`},[q("td",{class:O([`${r}-data-table-td`,`${r}-data-table-td--last-col`,de+1===me&&`${r}-data-table-td--last-row`]),colspan:ue},[$?(n(),S("div",{key:0,class:O(`${r}-data-table-expand`),style:Se({width:oe})},[B(()=>ne(X,Fe))],6)):(n(),S(he,{key:1},[B(()=>ne(X,Fe))],64))],10,qn)],2)}const ze="isSummaryRow"in j,rt=!ze&&j.striped,{tmNode:ot,key:Ae}=j,{rawNode:ke}=ot,Ze=D.has(Ae),je=re?re(ke,Fe):void 0,nt=typeof V=="string"?V:bn(ke,Fe,V),at=xe?l.filter((_,X)=>!!(Ne<=X&&X<=tt||_.column.fixed)):l,Je=xe?Ie(L?.(ke,Fe)||ee):void 0,Qe=at.map(_=>{const X=_.index;if(de in x){const Me=x[de],Le=Me.indexOf(X);if(~Le)return Me.splice(Le,1),null}const{column:Q}=_,te=De(_),{rowSpan:we,colSpan:Be}=Q,$e=ze?j.tmNode.rawNode[te]?.colSpan||1:Be?Be(ke,Fe):1,ce=ze?j.tmNode.rawNode[te]?.rowSpan||1:we?we(ke,Fe):1,ge=X+$e===ue,_e=de+ce===me,We=ce>1;if(We&&(c[de]={[X]:[]}),$e>1||We)for(let Me=de;Me<de+ce;++Me){We&&c[de][X].push(ve[Me]);for(let Le=X;Le<X+$e;++Le)Me===de&&Le===X||(Me in x?x[Me].push(Le):x[Me]=[Le])}const et=We?this.hoverKey:null,{cellProps:lt}=Q,qe=lt?.(ke,Fe),dt={"--indent-offset":""},ut=Q.fixed?"td":be;return n(),w(ut,Ce(qe,{key:te,style:[{textAlign:Q.align||void 0,width:Ie(Q.width)},xe&&{height:Je},xe&&!Q.fixed?{position:"absolute",left:Ie(Ge(X)),top:0,bottom:0}:{left:Ie(C[te]?.start),right:Ie(R[te]?.start)},dt,qe?.style||""],colspan:$e,rowspan:Pe?void 0:ce,"data-col-key":te,class:[`${r}-data-table-td`,Q.className,qe?.class,ze&&`${r}-data-table-td--summary`,et!==null&&c[de][X].includes(et)&&`${r}-data-table-td--hover`,zr(Q,U)&&`${r}-data-table-td--sorting`,Q.fixed&&`${r}-data-table-td--fixed-${Q.fixed}`,Q.align&&`${r}-data-table-td--${Q.align}-align`,Q.type==="selection"&&`${r}-data-table-td--selection`,Q.type==="expand"&&`${r}-data-table-td--expand`,ge&&`${r}-data-table-td--last-col`,_e&&`${r}-data-table-td--last-row`]}),{default:pr(()=>[K&&X===Z?(n(),S(he,{key:0},[B(()=>[zo(dt["--indent-offset"]=ze?0:j.tmNode.level,(n(),S("div",{class:O(`${r}-data-table-indent`),style:Se(ae)},null,6))),ze||j.tmNode.isLeaf?(n(),S("div",{key:2,class:O(`${r}-data-table-expand-placeholder`)},null,2)):(n(),w(nr,{key:3,class:O(`${r}-data-table-expand-trigger`),clsPrefix:r,expanded:Ze,rowData:ke,renderExpandIcon:this.renderExpandIcon,loading:s.has(j.key),onClick:()=>{A(Ae,j.tmNode)}},null,8,["class","clsPrefix","expanded","rowData","renderExpandIcon","loading","onClick"]))])],64)):B(()=>null),Q.type==="selection"?(n(),S(he,{key:2},[ze?B(()=>null):(n(),S(he,{key:0},[Q.multiple===!1?(n(),w(Dn,{key:M,rowKey:Ae,disabled:j.tmNode.disabled,onUpdateChecked:()=>{I(j.tmNode)}},null,8,["rowKey","disabled","onUpdateChecked"])):(n(),w(Nn,{key:M,rowKey:Ae,disabled:j.tmNode.disabled,onUpdateChecked:(Me,Le)=>{P(j.tmNode,Me,Le.shiftKey)}},null,8,["rowKey","disabled","onUpdateChecked"]))],64))],64)):(n(),S(he,{key:3},[Q.type==="expand"?(n(),S(he,{key:0},[ze?B(()=>null):(n(),S(he,{key:0},[!Q.expandable||Q.expandable?.(ke)?(n(),w(nr,{key:0,clsPrefix:r,rowData:ke,expanded:Ze,renderExpandIcon:this.renderExpandIcon,onClick:()=>{A(Ae,null)}},null,8,["clsPrefix","rowData","expanded","renderExpandIcon","onClick"])):B(()=>null)],64))],64)):(n(),w(Hn,{key:1,clsPrefix:r,index:Fe,row:ke,column:Q,isSummary:ze,mergedTheme:i,renderCell:this.renderCell},null,8,["clsPrefix","index","row","column","isSummary","mergedTheme","renderCell"]))],64))]),_:2},1040,["style","colspan","rowspan","data-col-key","class"])});return xe&&pe&&Te&&Qe.splice(pe,0,(n(),S("td",{key:4,colspan:l.length-pe-Te,style:{pointerEvents:"none",visibility:"hidden",height:0}},null,8,Xn))),n(),S("tr",Ce(je,{onMouseenter:_=>{this.hoverKey=Ae,je?.onMouseenter?.(_)},key:Ae,class:[`${r}-data-table-tr`,ze&&`${r}-data-table-tr--summary`,rt&&`${r}-data-table-tr--striped`,Ze&&`${r}-data-table-tr--expanded`,nt,je?.class],style:[je?.style,xe&&{height:Je}]}),[B(()=>Qe)],16,Gn)};return this.shouldDisplayVirtualList?(n(),w(xr,{key:6,ref:"virtualListRef",items:fe,itemSize:this.minRowHeight,visibleItemsTag:Qn,visibleItemsProps:{clsPrefix:r,id:W,cols:l,onMouseleave:T},showScrollbar:!1,onResize:this.handleVirtualListResize,onScroll:this.handleVirtualListScroll,itemsStyle:g,itemResizable:!se,columns:l,renderItemWithCols:se?({itemIndex:j,item:de,startColIndex:Pe,endColIndex:xe,getLeft:Ne})=>Ue({displayedRowIndex:j,isVirtual:!0,isVirtualX:!0,rowInfo:de,startColIndex:Pe,endColIndex:xe,getLeft:Ne}):void 0},{default:({item:j,index:de,renderedItemWithCols:Pe})=>Pe||Ue({rowInfo:j,displayedRowIndex:de,isVirtual:!0,isVirtualX:!1,startColIndex:0,endColIndex:0,getLeft(xe){return 0}})},1032,["items","itemSize","visibleItemsTag","visibleItemsProps","onResize","onScroll","itemsStyle","itemResizable","columns","renderItemWithCols"])):(n(),S(he,{key:5},[q("table",{class:O(`${r}-data-table-table`),onMouseleave:T,style:Se({tableLayout:this.mergedTableLayout})},[q("colgroup",null,[B(()=>l.map(j=>(n(),S("col",{key:j.key,style:Se(j.style)},null,4))))]),this.showHeader?(n(),w($r,{key:0,discrete:!1})):B(()=>null),this.empty?B(()=>null):(n(),S("tbody",{key:2,"data-n-id":W,class:O(`${r}-data-table-tbody`)},[B(()=>fe.map((j,de)=>Ue({rowInfo:j,displayedRowIndex:de,isVirtual:!1,isVirtualX:!1,startColIndex:-1,endColIndex:-1,getLeft(Pe){return-1}})))],10,["data-n-id"]))],46,Zn),this.empty?(n(),S(he,{key:0},[B(()=>y())],64)):B(()=>null)],64))}},1040,["scrollable","class","style","theme","themeOverrides","contentStyle","container","content","internalExposeWidthCssVar","xScrollable","onScroll","internalOnUpdateScrollLeft","onResize"])}}),ea=ie({name:"MainTable",setup(){const{mergedClsPrefixRef:e,rightFixedColumnsRef:t,leftFixedColumnsRef:r,bodyWidthRef:o,maxHeightRef:a,minHeightRef:s,flexHeightRef:p,virtualScrollHeaderRef:m,syncScrollState:h,scrollXRef:d}=Oe(Ve),g=G(null),y=G(null),x=G(null),c=G(!(r.value.length||t.value.length)),l=b(()=>({maxHeight:Ke(a.value),minHeight:Ke(s.value)}));function u(M){o.value=M.contentRect.width,h("layout"),c.value||(c.value=!0)}function i(){const{value:M}=g;return M?m.value?M.virtualListRef?.listElRef||null:M.$el:null}function C(){const{value:M}=y;return M?M.getScrollContainer():null}const R={getBodyElement:C,getHeaderElement:i,scrollTo(M,V){y.value?.scrollTo(M,V)}};return ft(()=>{const{value:M}=x;if(!M)return;const V=`${e.value}-data-table-base-table--transition-disabled`;c.value?setTimeout(()=>{M.classList.remove(V)},0):M.classList.add(V)}),{maxHeight:a,mergedClsPrefix:e,selfElRef:x,headerInstRef:g,bodyInstRef:y,bodyStyle:l,flexHeight:p,handleBodyResize:u,scrollX:d,...R}},render(){const{mergedClsPrefix:e,maxHeight:t,flexHeight:r}=this,o=t===void 0&&!r;return n(),S("div",{class:O(`${e}-data-table-base-table`),ref:"selfElRef"},[o?B(()=>null):(n(),w($r,{key:1,ref:"headerInstRef"},null,512)),(n(),w(Yn,{ref:"bodyInstRef",bodyStyle:this.bodyStyle,showHeader:o,flexHeight:r,onResize:this.handleBodyResize},null,8,["bodyStyle","showHeader","flexHeight","onResize"]))],2)}});const ar=ra();var ta=Y([v("data-table",`
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
 `,[v("data-table-wrapper",`
 flex-grow: 1;
 display: flex;
 flex-direction: column;
 `),N("empty",[v("data-table-base-table",`
 height: 100%;
 display: flex;
 flex-direction: column;
 `),v("data-table-base-table-body",["height: 100%;",v("scrollbar-content",`
 height: 100%;
 display: flex;
 flex-direction: column;
 `)])]),N("flex-height",[Y(">",[v("data-table-wrapper",[Y(">",[v("data-table-base-table",`
 display: flex;
 flex-direction: column;
 flex-grow: 1;
 `,[Y(">",[v("data-table-base-table-body","flex-basis: 0;",[Y("&:last-child","flex-grow: 1;")])])])])])])]),Y(">",[v("data-table-loading-wrapper",`
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
 `,[Mo({originalTransform:"translateX(-50%) translateY(-50%)"})])]),v("data-table-expand-placeholder",`
 margin-right: 8px;
 display: inline-block;
 width: 16px;
 height: 1px;
 `),v("data-table-indent",`
 display: inline-block;
 height: 1px;
 `),v("data-table-expand-trigger",`
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
 `,[N("expanded",[v("icon","transform: rotate(90deg);",[ct({originalTransform:"rotate(90deg)"})]),v("base-icon","transform: rotate(90deg);",[ct({originalTransform:"rotate(90deg)"})])]),v("base-loading",`
 color: var(--n-loading-color);
 transition: color .3s var(--n-bezier);
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 `,[ct()]),v("icon",`
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 `,[ct()]),v("base-icon",`
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 `,[ct()])]),v("data-table-thead",`
 transition: background-color .3s var(--n-bezier);
 background-color: var(--n-merged-th-color);
 `),v("data-table-tr",`
 position: relative;
 box-sizing: border-box;
 background-clip: padding-box;
 transition: background-color .3s var(--n-bezier);
 `,[v("data-table-expand",`
 position: sticky;
 left: 0;
 overflow: hidden;
 margin: calc(var(--n-th-padding) * -1);
 padding: var(--n-th-padding);
 box-sizing: border-box;
 `),N("striped","background-color: var(--n-merged-td-color-striped);",[v("data-table-td","background-color: var(--n-merged-td-color-striped);")]),yt("summary",[Y("&:hover","background-color: var(--n-merged-td-color-hover);",[Y(">",[v("data-table-td","background-color: var(--n-merged-td-color-hover);")])])])]),v("data-table-th",`
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
 `,[N("filterable",`
 padding-right: 36px;
 `,[N("sortable",`
 padding-right: calc(var(--n-th-padding) + 36px);
 `)]),ar,N("selection",`
 padding: 0;
 text-align: center;
 line-height: 0;
 z-index: 3;
 `),Re("title-wrapper",`
 display: flex;
 align-items: center;
 flex-wrap: nowrap;
 max-width: 100%;
 `,[Re("title",`
 flex: 1;
 min-width: 0;
 `)]),Re("ellipsis",`
 display: inline-block;
 vertical-align: bottom;
 text-overflow: ellipsis;
 overflow: hidden;
 white-space: nowrap;
 max-width: 100%;
 `),N("hover",`
 background-color: var(--n-merged-th-color-hover);
 `),N("sorting",`
 background-color: var(--n-merged-th-color-sorting);
 `),N("sortable",`
 cursor: pointer;
 `,[Re("ellipsis",`
 max-width: calc(100% - 18px);
 `),Y("&:hover",`
 background-color: var(--n-merged-th-color-hover);
 `)]),v("data-table-sorter",`
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
 `,[v("base-icon","transition: transform .3s var(--n-bezier)"),N("desc",[v("base-icon",`
 transform: rotate(0deg);
 `)]),N("asc",[v("base-icon",`
 transform: rotate(-180deg);
 `)]),N("asc, desc",`
 color: var(--n-th-icon-color-active);
 `)]),v("data-table-resize-button",`
 width: var(--n-resizable-container-size);
 position: absolute;
 top: 0;
 right: calc(var(--n-resizable-container-size) / 2);
 bottom: 0;
 cursor: col-resize;
 user-select: none;
 `,[Y("&::after",`
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
 `),N("active",[Y("&::after",` 
 background-color: var(--n-th-icon-color-active);
 `)]),Y("&:hover::after",`
 background-color: var(--n-th-icon-color-active);
 `)]),v("data-table-filter",`
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
 `,[Y("&:hover",`
 background-color: var(--n-th-button-color-hover);
 `),N("show",`
 background-color: var(--n-th-button-color-hover);
 `),N("active",`
 background-color: var(--n-th-button-color-hover);
 color: var(--n-th-icon-color-active);
 `)])]),v("data-table-td",`
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
 `,[N("expand",[v("data-table-expand-trigger",`
 margin-right: 0;
 `)]),N("last-row",`
 border-bottom: 0 solid var(--n-merged-border-color);
 `,[Y("&::after",`
 bottom: 0 !important;
 `),Y("&::before",`
 bottom: 0 !important;
 `)]),N("summary",`
 background-color: var(--n-merged-th-color);
 `),N("hover",`
 background-color: var(--n-merged-td-color-hover);
 `),N("sorting",`
 background-color: var(--n-merged-td-color-sorting);
 `),Re("ellipsis",`
 display: inline-block;
 text-overflow: ellipsis;
 overflow: hidden;
 white-space: nowrap;
 max-width: 100%;
 vertical-align: bottom;
 max-width: calc(100% - var(--indent-offset, -1.5) * 16px - 24px);
 `),N("selection, expand",`
 text-align: center;
 padding: 0;
 line-height: 0;
 `),ar]),v("data-table-empty",`
 box-sizing: border-box;
 padding: var(--n-empty-padding);
 flex-grow: 1;
 flex-shrink: 0;
 opacity: 1;
 display: flex;
 align-items: center;
 justify-content: center;
 transition: opacity .3s var(--n-bezier);
 `,[N("hide",`
 opacity: 0;
 `)]),Re("pagination",`
 margin: var(--n-pagination-margin);
 display: flex;
 justify-content: flex-end;
 `),v("data-table-wrapper",`
 position: relative;
 opacity: 1;
 transition: opacity .3s var(--n-bezier), border-color .3s var(--n-bezier);
 border-top-left-radius: var(--n-border-radius);
 border-top-right-radius: var(--n-border-radius);
 line-height: var(--n-line-height);
 `),N("loading",[v("data-table-wrapper",`
 opacity: var(--n-opacity-loading);
 pointer-events: none;
 `)]),N("single-column",[v("data-table-td",`
 border-bottom: 0 solid var(--n-merged-border-color);
 `,[Y("&::after, &::before",`
 bottom: 0 !important;
 `)])]),yt("single-line",[v("data-table-th",`
 border-right: 1px solid var(--n-merged-border-color);
 `,[N("last",`
 border-right: 0 solid var(--n-merged-border-color);
 `)]),v("data-table-td",`
 border-right: 1px solid var(--n-merged-border-color);
 `,[N("last-col",`
 border-right: 0 solid var(--n-merged-border-color);
 `)])]),N("bordered",[v("data-table-wrapper",`
 border: 1px solid var(--n-merged-border-color);
 border-bottom-left-radius: var(--n-border-radius);
 border-bottom-right-radius: var(--n-border-radius);
 overflow: hidden;
 `)]),v("data-table-base-table",[N("transition-disabled",[v("data-table-th",[Y("&::after, &::before","transition: none;")]),v("data-table-td",[Y("&::after, &::before","transition: none;")])])]),N("bottom-bordered",[v("data-table-td",[N("last-row",`
 border-bottom: 1px solid var(--n-merged-border-color);
 `)])]),v("data-table-table",`
 font-variant-numeric: tabular-nums;
 width: 100%;
 word-break: break-word;
 transition: background-color .3s var(--n-bezier);
 border-collapse: separate;
 border-spacing: 0;
 background-color: var(--n-merged-td-color);
 `),v("data-table-base-table-header",`
 border-top-left-radius: calc(var(--n-border-radius) - 1px);
 border-top-right-radius: calc(var(--n-border-radius) - 1px);
 z-index: 3;
 overflow: scroll;
 flex-shrink: 0;
 transition: border-color .3s var(--n-bezier);
 scrollbar-width: none;
 `,[Y("&::-webkit-scrollbar, &::-webkit-scrollbar-track-piece, &::-webkit-scrollbar-thumb",`
 display: none;
 width: 0;
 height: 0;
 `)]),v("data-table-check-extra",`
 transition: color .3s var(--n-bezier);
 color: var(--n-th-icon-color);
 position: absolute;
 font-size: 14px;
 right: -4px;
 top: 50%;
 transform: translateY(-50%);
 z-index: 1;
 `)]),v("data-table-filter-menu",[v("scrollbar",`
 max-height: 240px;
 `),Re("group",`
 display: flex;
 flex-direction: column;
 padding: 12px 12px 0 12px;
 `,[v("checkbox",`
 margin-bottom: 12px;
 margin-right: 0;
 `),v("radio",`
 margin-bottom: 12px;
 margin-right: 0;
 `)]),Re("action",`
 padding: var(--n-action-padding);
 display: flex;
 flex-wrap: nowrap;
 justify-content: space-evenly;
 border-top: 1px solid var(--n-action-divider-color);
 `,[v("button",[Y("&:not(:last-child)",`
 margin: var(--n-action-button-margin);
 `),Y("&:last-child",`
 margin-right: 0;
 `)])]),v("divider",`
 margin: 0 !important;
 `)]),lr(v("data-table",`
 --n-merged-th-color: var(--n-th-color-modal);
 --n-merged-td-color: var(--n-td-color-modal);
 --n-merged-border-color: var(--n-border-color-modal);
 --n-merged-th-color-hover: var(--n-th-color-hover-modal);
 --n-merged-td-color-hover: var(--n-td-color-hover-modal);
 --n-merged-th-color-sorting: var(--n-th-color-hover-modal);
 --n-merged-td-color-sorting: var(--n-td-color-hover-modal);
 --n-merged-td-color-striped: var(--n-td-color-striped-modal);
 `)),ir(v("data-table",`
 --n-merged-th-color: var(--n-th-color-popover);
 --n-merged-td-color: var(--n-td-color-popover);
 --n-merged-border-color: var(--n-border-color-popover);
 --n-merged-th-color-hover: var(--n-th-color-hover-popover);
 --n-merged-td-color-hover: var(--n-td-color-hover-popover);
 --n-merged-th-color-sorting: var(--n-th-color-hover-popover);
 --n-merged-td-color-sorting: var(--n-td-color-hover-popover);
 --n-merged-td-color-striped: var(--n-td-color-striped-popover);
 `))]);function ra(){return[N("fixed-left",`
 left: 0;
 position: sticky;
 z-index: 2;
 `,[Y("&::after",`
 pointer-events: none;
 content: "";
 width: 36px;
 display: inline-block;
 position: absolute;
 top: 0;
 bottom: -1px;
 transition: box-shadow .2s var(--n-bezier);
 right: -36px;
 `)]),N("fixed-right",`
 right: 0;
 position: sticky;
 z-index: 1;
 `,[Y("&::before",`
 pointer-events: none;
 content: "";
 width: 36px;
 display: inline-block;
 position: absolute;
 top: 0;
 bottom: -1px;
 transition: box-shadow .2s var(--n-bezier);
 left: -36px;
 `)])]}function oa(e,t){const{paginatedDataRef:r,treeMateRef:o,selectionColumnRef:a}=t,s=G(e.defaultCheckedRowKeys),p=b(()=>{const{checkedRowKeys:U}=e,D=U===void 0?s.value:U;return a.value?.multiple===!1?{checkedKeys:D.slice(0,1),indeterminateKeys:[]}:o.value.getCheckedKeys(D,{cascade:e.cascade,allowNotLoaded:e.allowCheckingNotLoaded})}),m=b(()=>p.value.checkedKeys),h=b(()=>p.value.indeterminateKeys),d=b(()=>new Set(m.value)),g=b(()=>new Set(h.value)),y=b(()=>{const{value:U}=d;return r.value.reduce((D,$)=>{const{key:W,disabled:Z}=$;return D+(!Z&&U.has(W)?1:0)},0)}),x=b(()=>r.value.filter(U=>U.disabled).length),c=b(()=>{const{length:U}=r.value,{value:D}=g;return y.value>0&&y.value<U-x.value||r.value.some($=>D.has($.key))}),l=b(()=>{const{length:U}=r.value;return y.value!==0&&y.value===U-x.value}),u=b(()=>r.value.length===0);function i(U,D,$){const{"onUpdate:checkedRowKeys":W,onUpdateCheckedRowKeys:Z,onCheckedRowKeysChange:J}=e,re=[],{value:{getNode:T}}=o;U.forEach(ne=>{const z=T(ne)?.rawNode;re.push(z)}),W&&H(W,U,re,{row:D,action:$}),Z&&H(Z,U,re,{row:D,action:$}),J&&H(J,U,re,{row:D,action:$}),s.value=U}function C(U,D=!1,$){if(!e.loading){if(D){i(Array.isArray(U)?U.slice(0,1):[U],$,"check");return}i(o.value.check(U,m.value,{cascade:e.cascade,allowNotLoaded:e.allowCheckingNotLoaded}).checkedKeys,$,"check")}}function R(U,D){e.loading||i(o.value.uncheck(U,m.value,{cascade:e.cascade,allowNotLoaded:e.allowCheckingNotLoaded}).checkedKeys,D,"uncheck")}function M(U=!1){const{value:D}=a;if(!D||e.loading)return;const $=[];(U?o.value.treeNodes:r.value).forEach(W=>{W.disabled||$.push(W.key)}),i(o.value.check($,m.value,{cascade:!0,allowNotLoaded:e.allowCheckingNotLoaded}).checkedKeys,void 0,"checkAll")}function V(U=!1){const{value:D}=a;if(!D||e.loading)return;const $=[];(U?o.value.treeNodes:r.value).forEach(W=>{W.disabled||$.push(W.key)}),i(o.value.uncheck($,m.value,{cascade:!0,allowNotLoaded:e.allowCheckingNotLoaded}).checkedKeys,void 0,"uncheckAll")}return{mergedCheckedRowKeySetRef:d,mergedCheckedRowKeysRef:m,mergedInderminateRowKeySetRef:g,someRowsCheckedRef:c,allRowsCheckedRef:l,headerCheckboxDisabledRef:u,doUpdateCheckedRowKeys:i,doCheckAll:M,doUncheckAll:V,doCheck:C,doUncheck:R}}function na(e,t){const r=it(()=>{for(const d of e.columns)if(d.type==="expand")return d.renderExpand}),o=it(()=>{let d;for(const g of e.columns)if(g.type==="expand"){d=g.expandable;break}return d}),a=G(e.defaultExpandAll?r?.value?(()=>{const d=[];return t.value.treeNodes.forEach(g=>{o.value?.(g.rawNode)&&d.push(g.key)}),d})():t.value.getNonLeafKeys():e.defaultExpandedRowKeys),s=le(e,"expandedRowKeys"),p=le(e,"stickyExpandedRows"),m=st(s,a);function h(d){const{onUpdateExpandedRowKeys:g,"onUpdate:expandedRowKeys":y}=e;g&&H(g,d),y&&H(y,d),a.value=d}return{stickyExpandedRowsRef:p,mergedExpandedRowKeysRef:m,renderExpandRef:r,expandableRef:o,doUpdateExpandedRowKeys:h}}function aa(e,t){const r=[],o=[],a=[],s=new WeakMap;let p=-1,m=0,h=!1,d=0;function g(x,c){c>p&&(r[c]=[],p=c),x.forEach(l=>{if("children"in l)g(l.children,c+1);else{const u="key"in l?l.key:void 0;o.push({key:De(l),style:gn(l,u!==void 0?Ke(t(u)):void 0),column:l,index:d++,width:l.width===void 0?128:Number(l.width)}),m+=1,h||(h=!!l.ellipsis),a.push(l)}})}g(e,0),d=0;function y(x,c){let l=0;x.forEach(u=>{if("children"in u){const i=d,C={column:u,colIndex:d,colSpan:0,rowSpan:1,isLast:!1};y(u.children,c+1),u.children.forEach(R=>{C.colSpan+=s.get(R)?.colSpan??0}),i+C.colSpan===m&&(C.isLast=!0),s.set(u,C),r[c].push(C)}else{if(d<l){d+=1;return}let i=1;"titleColSpan"in u&&(i=u.titleColSpan??1),i>1&&(l=d+i);const C=d+i===m,R={column:u,colSpan:i,colIndex:d,rowSpan:p-c+1,isLast:C};s.set(u,R),r[c].push(R),d+=1}})}return y(e,0),{hasEllipsis:h,rows:r,cols:o,dataRelatedCols:a}}function la(e,t){const r=b(()=>aa(e.columns,t));return{rowsRef:b(()=>r.value.rows),colsRef:b(()=>r.value.cols),hasEllipsisRef:b(()=>r.value.hasEllipsis),dataRelatedColsRef:b(()=>r.value.dataRelatedCols)}}function ia(){const e=G({});function t(a){return e.value[a]}function r(a,s){Fr(a)&&"key"in a&&(e.value[a.key]=s)}function o(){e.value={}}return{getResizableWidth:t,doUpdateResizableWidth:r,clearResizableWidth:o}}function sa(e,{mainTableInstRef:t,mergedCurrentPageRef:r,bodyWidthRef:o,maxHeightRef:a,mergedTableLayoutRef:s,mergedEmptyRef:p}){const m=b(()=>e.scrollX!==void 0||a.value!==void 0||e.flexHeight),h=b(()=>{const z=!m.value&&s.value==="auto";return e.scrollX!==void 0||z});let d=0;const g=G(),y=G(null),x=G([]),c=G(null),l=G([]),u=b(()=>Ke(e.scrollX)),i=b(()=>e.columns.filter(z=>z.fixed==="left")),C=b(()=>e.columns.filter(z=>z.fixed==="right")),R=b(()=>{const z={};let P=0;function I(A){A.forEach(L=>{const ee={start:P,end:0};z[De(L)]=ee,"children"in L?(I(L.children),ee.end=P):(P+=er(L)||0,ee.end=P)})}return I(i.value),z}),M=b(()=>{const z={};let P=0;function I(A){for(let L=A.length-1;L>=0;--L){const ee=A[L],se={start:P,end:0};z[De(ee)]=se,"children"in ee?(I(ee.children),se.end=P):(P+=er(ee)||0,se.end=P)}}return I(C.value),z});function V(){const{value:z}=i;let P=0;const{value:I}=R;let A=null;for(let L=0;L<z.length;++L){const ee=De(z[L]);if(d>(I[ee]?.start||0)-P)A=ee,P=I[ee]?.end||0;else break}y.value=A}function U(){x.value=[];let z=e.columns.find(P=>De(P)===y.value);for(;z&&"children"in z;){const P=z.children.length;if(P===0)break;const I=z.children[P-1];x.value.push(De(I)),z=I}}function D(){const{value:z}=C,P=Number(e.scrollX),{value:I}=o;if(I===null)return;let A=0,L=null;const{value:ee}=M;for(let se=z.length-1;se>=0;--se){const ue=De(z[se]);if(Math.round(d+(ee[ue]?.start||0)+I-A)<P)L=ue,A=ee[ue]?.end||0;else break}c.value=L}function $(){l.value=[];let z=e.columns.find(P=>De(P)===c.value);for(;z&&"children"in z&&z.children.length;){const P=z.children[0];l.value.push(De(P)),z=P}}function W(){return{header:t.value?t.value.getHeaderElement():null,body:t.value?t.value.getBodyElement():null}}function Z(){const{body:z}=W();z&&(z.scrollTop=0)}function J(){g.value!=="body"?Dt(T,"head"):g.value=void 0}function re(z){e.onScroll?.(z),g.value!=="head"?Dt(T,"body"):g.value=void 0}function T(z){const{header:P,body:I}=W();if(!I)return;if(z==="layout")P&&(P.scrollLeft=d),I.scrollLeft=d;else if(P)if(z==="head")d=P.scrollLeft,I.scrollLeft=d,g.value="head";else if(z==="body")d=I.scrollLeft,P.scrollLeft=d,g.value="body";else{const L=d-P.scrollLeft;g.value=L!==0?"head":"body",g.value==="head"?(d=P.scrollLeft,I.scrollLeft=d):(d=I.scrollLeft,P.scrollLeft=d)}else z!=="head"&&(d=I.scrollLeft);const{value:A}=o;A!==null&&(V(),U(),D(),$())}function ne(z){const{header:P}=W();P&&(P.scrollLeft=z,d=z,T("head"))}return Mt(r,()=>{Z()}),Mt([()=>e.virtualScroll,p],()=>{bt(()=>{T("layout")})}),{styleScrollXRef:u,fixedColumnLeftMapRef:R,fixedColumnRightMapRef:M,leftFixedColumnsRef:i,rightFixedColumnsRef:C,leftActiveFixedColKeyRef:y,leftActiveFixedChildrenColKeysRef:x,rightActiveFixedColKeyRef:c,rightActiveFixedChildrenColKeysRef:l,syncScrollState:T,handleTableBodyScroll:re,handleTableHeaderScroll:J,setHeaderScrollLeft:ne,explicitlyScrollableRef:m,xScrollableRef:h}}function vt(e){return typeof e=="object"&&typeof e.multiple=="number"?e.multiple:!1}function da(e,t){return t&&(e===void 0||e==="default"||typeof e=="object"&&e.compare==="default")?ca(t):typeof e=="function"?e:e&&typeof e=="object"&&e.compare&&e.compare!=="default"?e.compare:!1}function ca(e){return(t,r)=>{const o=t[e],a=r[e];return o==null?a==null?0:-1:a==null?1:typeof o=="number"&&typeof a=="number"?o-a:typeof o=="string"&&typeof a=="string"?o.localeCompare(a):0}}function ua(e,{dataRelatedColsRef:t,filteredDataRef:r}){const o=[];t.value.forEach(c=>{c.sorter!==void 0&&x(o,{columnKey:c.key,sorter:c.sorter,order:c.defaultSortOrder??!1})});const a=G(o),s=b(()=>{const c=t.value.filter(i=>i.type!=="selection"&&i.sorter!==void 0&&(i.sortOrder==="ascend"||i.sortOrder==="descend"||i.sortOrder===!1)),l=c.filter(i=>i.sortOrder!==!1);if(l.length)return l.map(i=>({columnKey:i.key,order:i.sortOrder,sorter:i.sorter}));if(c.length)return[];const{value:u}=a;return Array.isArray(u)?u:u?[u]:[]}),p=b(()=>{const c=s.value.slice().sort((l,u)=>{const i=vt(l.sorter)||0;return(vt(u.sorter)||0)-i});return c.length?r.value.slice().sort((l,u)=>{let i=0;return c.some(C=>{const{columnKey:R,sorter:M,order:V}=C,U=da(M,R);return U&&V&&(i=U(l.rawNode,u.rawNode),i!==0)?(i=i*pn(V),!0):!1}),i}):r.value});function m(c){let l=s.value.slice();return c&&vt(c.sorter)!==!1?(l=l.filter(u=>vt(u.sorter)!==!1),x(l,c),l):c||null}function h(c){d(m(c))}function d(c){const{"onUpdate:sorter":l,onUpdateSorter:u,onSorterChange:i}=e;l&&H(l,c),u&&H(u,c),i&&H(i,c),a.value=c}function g(c,l="ascend"){if(!c)y();else{const u=t.value.find(C=>C.type!=="selection"&&C.type!=="expand"&&C.key===c);if(!u?.sorter)return;const i=u.sorter;h({columnKey:c,sorter:i,order:l})}}function y(){d(null)}function x(c,l){const u=c.findIndex(i=>l?.columnKey&&i.columnKey===l.columnKey);u!==void 0&&u>=0?c[u]=l:c.push(l)}return{clearSorter:y,sort:g,sortedDataRef:p,mergedSortStateRef:s,deriveNextSorter:h}}function fa(e,{dataRelatedColsRef:t}){const r=b(()=>{const f=F=>{for(let K=0;K<F.length;++K){const E=F[K];if("children"in E)return f(E.children);if(E.type==="selection")return E}return null};return f(e.columns)}),o=b(()=>{const{childrenKey:f}=e;return br(e.data,{ignoreEmptyChildren:!0,getKey:e.rowKey,getChildren:F=>F[f],getDisabled:F=>!!r.value?.disabled?.(F)})}),a=it(()=>{const{columns:f}=e,{length:F}=f;let K=null;for(let E=0;E<F;++E){const ae=f[E];if(!ae.type&&K===null&&(K=E),"tree"in ae&&ae.tree)return E}return K||0}),s=G({}),{pagination:p}=e,m=G(p&&p.defaultPage||1),h=G(Rr(p)),d=b(()=>{const f=t.value.filter(K=>K.filterOptionValues!==void 0||K.filterOptionValue!==void 0),F={};return f.forEach(K=>{K.type==="selection"||K.type==="expand"||(K.filterOptionValues===void 0?F[K.key]=K.filterOptionValue??null:F[K.key]=K.filterOptionValues)}),Object.assign(tr(s.value),F)}),g=b(()=>{const f=d.value,{columns:F}=e;function K(fe){return(me,ve)=>!!~String(ve[fe]).indexOf(String(me))}const{value:{treeNodes:E}}=o,ae=[];return F.forEach(fe=>{fe.type==="selection"||fe.type==="expand"||"children"in fe||ae.push([fe.key,fe])}),E?E.filter(fe=>{const{rawNode:me}=fe;for(const[ve,k]of ae){let oe=f[ve];if(oe==null||(Array.isArray(oe)||(oe=[oe]),!oe.length))continue;const be=k.filter==="default"?K(ve):k.filter;if(k&&typeof be=="function")if(k.filterMode==="and"){if(oe.some(pe=>!be(pe,me)))return!1}else{if(oe.some(pe=>be(pe,me)))continue;return!1}}return!0}):[]}),{sortedDataRef:y,deriveNextSorter:x,mergedSortStateRef:c,sort:l,clearSorter:u}=ua(e,{dataRelatedColsRef:t,filteredDataRef:g});t.value.forEach(f=>{if(f.filter){const F=f.defaultFilterOptionValues;f.filterMultiple?s.value[f.key]=F||[]:F!==void 0?s.value[f.key]=F===null?[]:F:s.value[f.key]=f.defaultFilterOptionValue??null}});const i=b(()=>{const{pagination:f}=e;if(f!==!1)return f.page}),C=b(()=>{const{pagination:f}=e;if(f!==!1)return f.pageSize}),R=st(i,m),M=st(C,h),V=it(()=>{const f=R.value;return e.remote?f:Math.max(1,Math.min(Math.ceil(g.value.length/M.value),f))}),U=b(()=>{const{pagination:f}=e;if(f){const{pageCount:F}=f;if(F!==void 0)return F}}),D=b(()=>{if(e.remote)return o.value.treeNodes;if(!e.pagination)return y.value;const f=M.value,F=(V.value-1)*f;return y.value.slice(F,F+f)}),$=b(()=>D.value.map(f=>f.rawNode)),W=b(()=>y.value.map(f=>f.rawNode));function Z(f){const{pagination:F}=e;if(F){const{onChange:K,"onUpdate:page":E,onUpdatePage:ae}=F;K&&H(K,f),ae&&H(ae,f),E&&H(E,f),ne(f)}}function J(f){const{pagination:F}=e;if(F){const{onPageSizeChange:K,"onUpdate:pageSize":E,onUpdatePageSize:ae}=F;K&&H(K,f),ae&&H(ae,f),E&&H(E,f),z(f)}}const re=b(()=>{if(e.remote){const{pagination:f}=e;if(f){const{itemCount:F}=f;if(F!==void 0)return F}return}return g.value.length}),T=b(()=>({...e.pagination,onChange:void 0,onUpdatePage:void 0,onUpdatePageSize:void 0,onPageSizeChange:void 0,"onUpdate:page":Z,"onUpdate:pageSize":J,page:V.value,pageSize:M.value,pageCount:re.value===void 0?U.value:void 0,itemCount:re.value}));function ne(f){const{"onUpdate:page":F,onPageChange:K,onUpdatePage:E}=e;E&&H(E,f),F&&H(F,f),K&&H(K,f),m.value=f}function z(f){const{"onUpdate:pageSize":F,onPageSizeChange:K,onUpdatePageSize:E}=e;K&&H(K,f),E&&H(E,f),F&&H(F,f),h.value=f}function P(f,F){const{onUpdateFilters:K,"onUpdate:filters":E,onFiltersChange:ae}=e;K&&H(K,f,F),E&&H(E,f,F),ae&&H(ae,f,F),s.value=f}function I(f,F,K,E){e.onUnstableColumnResize?.(f,F,K,E)}function A(f){ne(f)}function L(){ee()}function ee(){se({})}function se(f){ue(f)}function ue(f){f?f&&(s.value=tr(f)):s.value={}}return{treeMateRef:o,mergedCurrentPageRef:V,mergedPaginationRef:T,paginatedDataRef:D,rawPaginatedDataRef:$,rawSortedDataRef:W,mergedFilterStateRef:d,mergedSortStateRef:c,hoverKeyRef:G(null),selectionColumnRef:r,childTriggerColIndexRef:a,doUpdateFilters:P,deriveNextSorter:x,doUpdatePageSize:z,doUpdatePage:ne,onUnstableColumnResize:I,filter:ue,filters:se,clearFilter:L,clearFilters:ee,clearSorter:u,page:A,sort:l}}var wa=ie({name:"DataTable",alias:["AdvancedTable"],props:un,slots:Object,setup(e,{slots:t}){const{mergedBorderedRef:r,mergedClsPrefixRef:o,inlineThemeDisabled:a,mergedRtlRef:s,mergedComponentPropsRef:p}=Ye(e),m=xt("DataTable",s,o),h=b(()=>e.size||p?.value?.DataTable?.size||"medium"),d=b(()=>{const{bottomBordered:ce}=e;return r.value?!1:ce!==void 0?ce:!0}),g=He("DataTable","-data-table",ta,$o,e,o),y=G(null),x=G(null),{getResizableWidth:c,clearResizableWidth:l,doUpdateResizableWidth:u}=ia(),{rowsRef:i,colsRef:C,dataRelatedColsRef:R,hasEllipsisRef:M}=la(e,c),{treeMateRef:V,mergedCurrentPageRef:U,paginatedDataRef:D,rawPaginatedDataRef:$,rawSortedDataRef:W,selectionColumnRef:Z,hoverKeyRef:J,mergedPaginationRef:re,mergedFilterStateRef:T,mergedSortStateRef:ne,childTriggerColIndexRef:z,doUpdatePage:P,doUpdateFilters:I,onUnstableColumnResize:A,deriveNextSorter:L,filter:ee,filters:se,clearFilter:ue,clearFilters:f,clearSorter:F,page:K,sort:E}=fa(e,{dataRelatedColsRef:R}),ae=b(()=>D.value.length===0),fe=ce=>{const{fileName:ge="data.csv",keepOriginalData:_e=!1}=ce||{},We=_e?e.data:$.value,et=Cn(e.columns,We,e.getCsvCell,e.getCsvHeader),lt=new Blob([et],{type:"text/csv;charset=utf-8"}),qe=URL.createObjectURL(lt);Ho(qe,ge.endsWith(".csv")?ge:`${ge}.csv`),URL.revokeObjectURL(qe)},{doCheckAll:me,doUncheckAll:ve,doCheck:k,doUncheck:oe,headerCheckboxDisabledRef:be,someRowsCheckedRef:pe,allRowsCheckedRef:Te,mergedCheckedRowKeySetRef:Ue,mergedInderminateRowKeySetRef:j}=oa(e,{selectionColumnRef:Z,treeMateRef:V,paginatedDataRef:D}),{stickyExpandedRowsRef:de,mergedExpandedRowKeysRef:Pe,renderExpandRef:xe,expandableRef:Ne,doUpdateExpandedRowKeys:tt}=na(e,V),Ge=le(e,"maxHeight"),Fe=b(()=>e.virtualScroll||e.flexHeight||e.maxHeight!==void 0||M.value?"fixed":e.tableLayout),{handleTableBodyScroll:ze,handleTableHeaderScroll:rt,syncScrollState:ot,setHeaderScrollLeft:Ae,leftActiveFixedColKeyRef:ke,leftActiveFixedChildrenColKeysRef:Ze,rightActiveFixedColKeyRef:je,rightActiveFixedChildrenColKeysRef:nt,leftFixedColumnsRef:at,rightFixedColumnsRef:Je,fixedColumnLeftMapRef:Qe,fixedColumnRightMapRef:_,xScrollableRef:X,explicitlyScrollableRef:Q}=sa(e,{bodyWidthRef:y,mainTableInstRef:x,mergedCurrentPageRef:U,maxHeightRef:Ge,mergedTableLayoutRef:Fe,mergedEmptyRef:ae}),{localeRef:te}=gr("DataTable");_t(Ve,{xScrollableRef:X,explicitlyScrollableRef:Q,props:e,treeMateRef:V,renderExpandIconRef:le(e,"renderExpandIcon"),loadingKeySetRef:G(new Set),slots:t,indentRef:le(e,"indent"),childTriggerColIndexRef:z,bodyWidthRef:y,componentId:cr(),hoverKeyRef:J,mergedClsPrefixRef:o,mergedThemeRef:g,scrollXRef:b(()=>e.scrollX),rowsRef:i,colsRef:C,paginatedDataRef:D,leftActiveFixedColKeyRef:ke,leftActiveFixedChildrenColKeysRef:Ze,rightActiveFixedColKeyRef:je,rightActiveFixedChildrenColKeysRef:nt,leftFixedColumnsRef:at,rightFixedColumnsRef:Je,fixedColumnLeftMapRef:Qe,fixedColumnRightMapRef:_,mergedCurrentPageRef:U,someRowsCheckedRef:pe,allRowsCheckedRef:Te,mergedSortStateRef:ne,mergedFilterStateRef:T,loadingRef:le(e,"loading"),rowClassNameRef:le(e,"rowClassName"),mergedCheckedRowKeySetRef:Ue,mergedExpandedRowKeysRef:Pe,mergedInderminateRowKeySetRef:j,localeRef:te,expandableRef:Ne,stickyExpandedRowsRef:de,rowKeyRef:le(e,"rowKey"),renderExpandRef:xe,summaryRef:le(e,"summary"),virtualScrollRef:le(e,"virtualScroll"),virtualScrollXRef:le(e,"virtualScrollX"),heightForRowRef:le(e,"heightForRow"),minRowHeightRef:le(e,"minRowHeight"),virtualScrollHeaderRef:le(e,"virtualScrollHeader"),headerHeightRef:le(e,"headerHeight"),rowPropsRef:le(e,"rowProps"),stripedRef:le(e,"striped"),checkOptionsRef:b(()=>{const{value:ce}=Z;return ce?.options}),rawPaginatedDataRef:$,filterMenuCssVarsRef:b(()=>{const{self:{actionDividerColor:ce,actionPadding:ge,actionButtonMargin:_e}}=g.value;return{"--n-action-padding":ge,"--n-action-button-margin":_e,"--n-action-divider-color":ce}}),onLoadRef:le(e,"onLoad"),mergedTableLayoutRef:Fe,maxHeightRef:Ge,minHeightRef:le(e,"minHeight"),flexHeightRef:le(e,"flexHeight"),headerCheckboxDisabledRef:be,paginationBehaviorOnFilterRef:le(e,"paginationBehaviorOnFilter"),summaryPlacementRef:le(e,"summaryPlacement"),filterIconPopoverPropsRef:le(e,"filterIconPopoverProps"),scrollbarPropsRef:le(e,"scrollbarProps"),syncScrollState:ot,doUpdatePage:P,doUpdateFilters:I,getResizableWidth:c,onUnstableColumnResize:A,clearResizableWidth:l,doUpdateResizableWidth:u,deriveNextSorter:L,doCheck:k,doUncheck:oe,doCheckAll:me,doUncheckAll:ve,doUpdateExpandedRowKeys:tt,handleTableHeaderScroll:rt,handleTableBodyScroll:ze,setHeaderScrollLeft:Ae,renderCell:le(e,"renderCell")});const we={filter:ee,filters:se,clearFilters:f,clearSorter:F,page:K,sort:E,clearFilter:ue,downloadCsv:fe,scrollTo:(ce,ge)=>{x.value?.scrollTo(ce,ge)},getFilteredAndSortedData:()=>W.value,getCurrentPageData:()=>$.value},Be=b(()=>{const ce=h.value,{common:{cubicBezierEaseInOut:ge},self:{borderColor:_e,tdColorHover:We,tdColorSorting:et,tdColorSortingModal:lt,tdColorSortingPopover:qe,thColorSorting:dt,thColorSortingModal:ut,thColorSortingPopover:Me,thColor:Le,thColorHover:wt,tdColor:Br,tdTextColor:_r,thTextColor:Lr,thFontWeight:Er,thButtonColorHover:Ar,thIconColor:Or,thIconColorActive:Ur,filterSize:Ir,borderRadius:Kr,lineHeight:Nr,tdColorModal:Dr,thColorModal:Hr,borderColorModal:Vr,thColorHoverModal:jr,tdColorHoverModal:Wr,borderColorPopover:qr,thColorPopover:Xr,tdColorPopover:Gr,tdColorHoverPopover:Zr,thColorHoverPopover:Jr,paginationMargin:Qr,emptyPadding:Yr,boxShadowAfter:eo,boxShadowBefore:to,sorterSize:ro,resizableContainerSize:oo,resizableSize:no,loadingColor:ao,loadingSize:lo,opacityLoading:io,tdColorStriped:so,tdColorStripedModal:co,tdColorStripedPopover:uo,[ye("fontSize",ce)]:fo,[ye("thPadding",ce)]:ho,[ye("tdPadding",ce)]:mo}}=g.value;return{"--n-font-size":fo,"--n-th-padding":ho,"--n-td-padding":mo,"--n-bezier":ge,"--n-border-radius":Kr,"--n-line-height":Nr,"--n-border-color":_e,"--n-border-color-modal":Vr,"--n-border-color-popover":qr,"--n-th-color":Le,"--n-th-color-hover":wt,"--n-th-color-modal":Hr,"--n-th-color-hover-modal":jr,"--n-th-color-popover":Xr,"--n-th-color-hover-popover":Jr,"--n-td-color":Br,"--n-td-color-hover":We,"--n-td-color-modal":Dr,"--n-td-color-hover-modal":Wr,"--n-td-color-popover":Gr,"--n-td-color-hover-popover":Zr,"--n-th-text-color":Lr,"--n-td-text-color":_r,"--n-th-font-weight":Er,"--n-th-button-color-hover":Ar,"--n-th-icon-color":Or,"--n-th-icon-color-active":Ur,"--n-filter-size":Ir,"--n-pagination-margin":Qr,"--n-empty-padding":Yr,"--n-box-shadow-before":to,"--n-box-shadow-after":eo,"--n-sorter-size":ro,"--n-resizable-container-size":oo,"--n-resizable-size":no,"--n-loading-size":lo,"--n-loading-color":ao,"--n-opacity-loading":io,"--n-td-color-striped":so,"--n-td-color-striped-modal":co,"--n-td-color-striped-popover":uo,"--n-td-color-sorting":et,"--n-td-color-sorting-modal":lt,"--n-td-color-sorting-popover":qe,"--n-th-color-sorting":dt,"--n-th-color-sorting-modal":ut,"--n-th-color-sorting-popover":Me}}),$e=a?Ct("data-table",b(()=>h.value[0]),Be,e):void 0;return{mainTableInstRef:x,mergedClsPrefix:o,rtlEnabled:m,mergedTheme:g,paginatedData:D,mergedBordered:r,mergedBottomBordered:d,mergedPagination:re,mergedShowPagination:b(()=>{if(!e.pagination)return!1;if(e.paginateSinglePage)return!0;const ce=re.value,{pageCount:ge}=ce;return ge!==void 0?ge>1:ce.itemCount&&ce.pageSize&&ce.itemCount>ce.pageSize}),cssVars:a?void 0:Be,themeClass:$e?.themeClass,onRender:$e?.onRender,mergedEmpty:ae,...we}},render(){const{mergedClsPrefix:e,themeClass:t,onRender:r,$slots:o,spinProps:a}=this;return r?.(),n(),S("div",{class:O([`${e}-data-table`,this.rtlEnabled&&`${e}-data-table--rtl`,t,{[`${e}-data-table--bordered`]:this.mergedBordered,[`${e}-data-table--bottom-bordered`]:this.mergedBottomBordered,[`${e}-data-table--single-line`]:this.singleLine,[`${e}-data-table--single-column`]:this.singleColumn,[`${e}-data-table--loading`]:this.loading,[`${e}-data-table--flex-height`]:this.flexHeight,[`${e}-data-table--empty`]:this.mergedEmpty}]),style:Se(this.cssVars)},[q("div",{class:O(`${e}-data-table-wrapper`)},[mt(ea,{ref:"mainTableInstRef"},null,512)],2),this.mergedShowPagination?(n(),S("div",{key:0,class:O(`${e}-data-table__pagination`)},[(n(),w(cn,Ce({theme:this.mergedTheme.peers.Pagination,themeOverrides:this.mergedTheme.peerOverrides.Pagination,disabled:this.loading},this.mergedPagination),null,16,["theme","themeOverrides","disabled"]))],2)):B(()=>null),mt(To,{name:"fade-in-scale-up-transition"},{default:()=>this.loading?(n(),S("div",{key:1,class:O(`${e}-data-table-loading-wrapper`)},[B(()=>Lt(o.loading,()=>[(n(),w(vr,Ce({clsPrefix:e,strokeWidth:20},a),null,16,["clsPrefix"]))]))],2)):null},1024)],6)}});export{Jo as C,wa as D,kt as a};
