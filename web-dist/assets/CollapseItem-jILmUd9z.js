import{c as f,d as x,b as o,a0 as $,ak as L,a as J,e as A,u as U,o as u,f as _,g as y,i as Q,n as g,j,H as Y,Q as H,l as G,m as E,ah as X,bB as Z,Y as ee,a7 as S,z as N,b3 as ae,h as k,I as re,ap as te,bC as le,aa as M,J as oe,bD as B,M as se,as as ie,an as ne,O as de,ab as ce,aj as pe,bE as me}from"./index-0AYua6BM.js";import{C as fe}from"./ChevronLeft-hoQRfYix.js";import{C as ue}from"./ChevronRight-CnC_i75B.js";import{u as he}from"./_plugin-vue_export-helper-xv-J9KQq.js";import{h as F}from"./cssr-C-fuwc_s.js";var xe=f("collapse","width: 100%;",[f("collapse-item",`
 font-size: var(--n-font-size);
 color: var(--n-text-color);
 transition:
 color .3s var(--n-bezier),
 border-color .3s var(--n-bezier);
 margin: var(--n-item-margin);
 `,[x("disabled",[o("header","cursor: not-allowed;",[o("header-main",`
 color: var(--n-title-text-color-disabled);
 `),f("collapse-item-arrow",`
 color: var(--n-arrow-color-disabled);
 `)])]),f("collapse-item","margin-left: 32px;"),$("&:first-child","margin-top: 0;"),$("&:first-child >",[o("header","padding-top: 0;")]),x("left-arrow-placement",[o("header",[f("collapse-item-arrow","margin-right: 4px;")])]),x("right-arrow-placement",[o("header",[f("collapse-item-arrow","margin-left: 4px;")])]),o("content-wrapper",[o("content-inner","padding-top: 16px;"),L({duration:"0.15s"})]),x("active",[o("header",[x("active",[f("collapse-item-arrow","transform: rotate(90deg);")])])]),$("&:not(:first-child)","border-top: 1px solid var(--n-divider-color);"),J("disabled",[x("trigger-area-main",[o("header",[o("header-main","cursor: pointer;"),f("collapse-item-arrow","cursor: default;")])]),x("trigger-area-arrow",[o("header",[f("collapse-item-arrow","cursor: pointer;")])]),x("trigger-area-extra",[o("header",[o("header-extra","cursor: pointer;")])])]),o("header",`
 font-size: var(--n-title-font-size);
 display: flex;
 flex-wrap: nowrap;
 align-items: center;
 transition: color .3s var(--n-bezier);
 position: relative;
 padding: var(--n-title-padding);
 color: var(--n-title-text-color);
 `,[o("header-main",`
 display: flex;
 flex-wrap: nowrap;
 align-items: center;
 font-weight: var(--n-title-font-weight);
 transition: color .3s var(--n-bezier);
 flex: 1;
 color: var(--n-title-text-color);
 `),o("header-extra",`
 display: flex;
 align-items: center;
 transition: color .3s var(--n-bezier);
 color: var(--n-text-color);
 `),f("collapse-item-arrow",`
 display: flex;
 transition:
 transform .15s var(--n-bezier),
 color .3s var(--n-bezier);
 font-size: 18px;
 color: var(--n-arrow-color);
 `)])])]);const ge={...U.props,defaultExpandedNames:{type:[Array,String],default:null},expandedNames:[Array,String],arrowPlacement:{type:String,default:"left"},accordion:Boolean,displayDirective:{type:String,default:"if"},triggerAreas:{type:Array,default:()=>["main","extra","arrow"]},onItemHeaderClick:[Function,Array],"onUpdate:expandedNames":[Function,Array],onUpdateExpandedNames:[Function,Array],onExpandedNamesChange:{type:[Function,Array],validator:()=>!0,default:void 0}},V=X("n-collapse");var Pe=A({name:"Collapse",props:ge,slots:Object,setup(e,{slots:n}){const{mergedClsPrefixRef:s,inlineThemeDisabled:l,mergedRtlRef:d}=j(e),a=Y(e.defaultExpandedNames),h=E(()=>e.expandedNames),v=he(h,a),C=U("Collapse","-collapse",xe,Z,e,s);function c(p){const{"onUpdate:expandedNames":t,onUpdateExpandedNames:m,onExpandedNamesChange:b}=e;m&&S(m,p),t&&S(t,p),b&&S(b,p),a.value=p}function r(p){const{onItemHeaderClick:t}=e;t&&S(t,p)}function i(p,t,m){const{accordion:b}=e,{value:z}=v;if(b)p?(c([t]),r({name:t,expanded:!0,event:m})):(c([]),r({name:t,expanded:!1,event:m}));else if(!Array.isArray(z))c([t]),r({name:t,expanded:!0,event:m});else{const w=z.slice(),P=w.findIndex(R=>t===R);~P?(w.splice(P,1),c(w),r({name:t,expanded:!1,event:m})):(w.push(t),c(w),r({name:t,expanded:!0,event:m}))}}ee(V,{props:e,mergedClsPrefixRef:s,expandedNamesRef:v,slots:n,toggleItem:i});const I=H("Collapse",d,s),D=E(()=>{const{common:{cubicBezierEaseInOut:p},self:{titleFontWeight:t,dividerColor:m,titlePadding:b,titleTextColor:z,titleTextColorDisabled:w,textColor:P,arrowColor:R,fontSize:W,titleFontSize:O,arrowColorDisabled:q,itemMargin:K}}=C.value;return{"--n-font-size":W,"--n-bezier":p,"--n-text-color":P,"--n-divider-color":m,"--n-title-padding":b,"--n-title-font-size":O,"--n-title-text-color":z,"--n-title-text-color-disabled":w,"--n-title-font-weight":t,"--n-arrow-color":R,"--n-arrow-color-disabled":q,"--n-item-margin":K}}),T=l?G("collapse",void 0,D,e):void 0;return{rtlEnabled:I,mergedTheme:C,mergedClsPrefix:s,cssVars:l?void 0:D,themeClass:T?.themeClass,onRender:T?.onRender}},render(){return this.onRender?.(),u(),_("div",{class:g([`${this.mergedClsPrefix}-collapse`,this.rtlEnabled&&`${this.mergedClsPrefix}-collapse--rtl`,this.themeClass]),style:Q(this.cssVars)},[y(()=>this.$slots.default?.())],6)}}),ve=A({name:"CollapseItemContent",props:{displayDirective:{type:String,required:!0},show:Boolean,clsPrefix:{type:String,required:!0}},setup(e){return{onceTrue:le(M(e,"show"))}},render(){return u(),N(te,null,{_:1,default:ae(()=>{const{show:e,displayDirective:n,onceTrue:s,clsPrefix:l}=this,d=n==="show"&&s,a=(u(),_("div",{class:g(`${l}-collapse-item__content-wrapper`)},[k("div",{class:g(`${l}-collapse-item__content-inner`)},[y(()=>this.$slots.default?.())],2)],2));return d?re(a,[[oe,e]]):e?a:null})})}});const Ce=["onClick"],we=["onClick"],ye={title:String,name:[String,Number],disabled:Boolean,displayDirective:String};var Se=A({name:"CollapseItem",props:ye,setup(e){const{mergedRtlRef:n}=j(e),s=ie(),l=ne(()=>e.name??s),d=de(V);d||ce("collapse-item","`n-collapse-item` must be placed inside `n-collapse`.");const{expandedNamesRef:a,props:h,mergedClsPrefixRef:v,slots:C}=d,c=E(()=>{const{value:r}=a;if(Array.isArray(r)){const{value:i}=l;return!~r.findIndex(I=>I===i)}else if(r){const{value:i}=l;return i!==r}return!0});return{rtlEnabled:H("Collapse",n,v),collapseSlots:C,randomName:s,mergedClsPrefix:v,collapsed:c,triggerAreas:M(h,"triggerAreas"),mergedDisplayDirective:E(()=>{const{displayDirective:r}=e;return r||h.displayDirective}),arrowPlacement:E(()=>h.arrowPlacement),handleClick(r){let i="main";F(r,"arrow")&&(i="arrow"),F(r,"extra")&&(i="extra"),h.triggerAreas.includes(i)&&d&&!e.disabled&&d.toggleItem(c.value,l.value,r)}}},render(){const{collapseSlots:e,$slots:n,arrowPlacement:s,collapsed:l,mergedDisplayDirective:d,mergedClsPrefix:a,disabled:h,triggerAreas:v}=this,C=B(n.header,{collapsed:l},()=>[this.title]),c=n["header-extra"]||e["header-extra"],r=n.arrow||e.arrow;return u(),_("div",{class:g([`${a}-collapse-item`,`${a}-collapse-item--${s}-arrow-placement`,h&&`${a}-collapse-item--disabled`,!l&&`${a}-collapse-item--active`,v.map(i=>`${a}-collapse-item--trigger-area-${i}`)])},[k("div",{class:g([`${a}-collapse-item__header`,!l&&`${a}-collapse-item__header--active`])},[k("div",{class:g(`${a}-collapse-item__header-main`),onClick:this.handleClick},[y(()=>s==="right"&&C),(u(),_("div",{class:g(`${a}-collapse-item-arrow`),key:this.rtlEnabled?0:1,"data-arrow":!0},[y(()=>B(r,{collapsed:l},()=>[(u(),N(pe,{clsPrefix:a},{default:()=>this.rtlEnabled?(u(),N(fe,{key:1})):(u(),N(ue,{key:2}))},1032,["clsPrefix"]))]))],2)),y(()=>s==="left"&&C)],10,we),y(()=>me(c,{collapsed:l},i=>(u(),_("div",{class:g(`${a}-collapse-item__header-extra`),onClick:this.handleClick,"data-extra":!0},[y(()=>i)],10,Ce))))],2),(u(),N(ve,{clsPrefix:a,displayDirective:d,show:!l},se(n),1032,["clsPrefix","displayDirective","show"]))],2)}});export{Pe as C,Se as a};
