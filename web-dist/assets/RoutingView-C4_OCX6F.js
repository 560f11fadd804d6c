import{a0 as o,c as $,d as C,a as re,aG as oe,aH as te,e as E,u as j,o as i,f as g,g as ae,i as le,n as ne,j as de,Q as se,l as ie,m as k,aI as ce,aJ as w,p as ue,r as be,h as s,y as u,t,z,B as M,s as _,w as v,F as y,G as B,E as pe,A as P,D as ge,C as S,H as V}from"./index-0AYua6BM.js";import{T as me}from"./Tag-BmbKm0EJ.js";import{u as ve,A as he}from"./useLoad-BpGmVZNk.js";import{I as fe}from"./Input-_qzSyEcK.js";import{_ as _e}from"./Unavailable.vue_vue_type_script_setup_true_lang-CELOBUHQ.js";import{g as xe}from"./settings-eRKVn_nN.js";import{_ as Ce}from"./_plugin-vue_export-helper-xv-J9KQq.js";import"./Suffix-DRYQ0bC9.js";var ze=o([$("table",`
 font-size: var(--n-font-size);
 font-variant-numeric: tabular-nums;
 line-height: var(--n-line-height);
 width: 100%;
 border-radius: var(--n-border-radius) var(--n-border-radius) 0 0;
 text-align: left;
 border-collapse: separate;
 border-spacing: 0;
 overflow: hidden;
 background-color: var(--n-td-color);
 border-color: var(--n-merged-border-color);
 transition:
 background-color .3s var(--n-bezier),
 border-color .3s var(--n-bezier),
 color .3s var(--n-bezier);
 --n-merged-border-color: var(--n-border-color);
 `,[o("th",`
 white-space: nowrap;
 transition:
 background-color .3s var(--n-bezier),
 border-color .3s var(--n-bezier),
 color .3s var(--n-bezier);
 text-align: inherit;
 padding: var(--n-th-padding);
 vertical-align: inherit;
 text-transform: none;
 border: 0px solid var(--n-merged-border-color);
 font-weight: var(--n-th-font-weight);
 color: var(--n-th-text-color);
 background-color: var(--n-th-color);
 border-bottom: 1px solid var(--n-merged-border-color);
 border-right: 1px solid var(--n-merged-border-color);
 `,[o("&:last-child",`
 border-right: 0px solid var(--n-merged-border-color);
 `)]),o("td",`
 transition:
 background-color .3s var(--n-bezier),
 border-color .3s var(--n-bezier),
 color .3s var(--n-bezier);
 padding: var(--n-td-padding);
 color: var(--n-td-text-color);
 background-color: var(--n-td-color);
 border: 0px solid var(--n-merged-border-color);
 border-right: 1px solid var(--n-merged-border-color);
 border-bottom: 1px solid var(--n-merged-border-color);
 `,[o("&:last-child",`
 border-right: 0px solid var(--n-merged-border-color);
 `)]),C("bordered",`
 border: 1px solid var(--n-merged-border-color);
 border-radius: var(--n-border-radius);
 `,[o("tr",[o("&:last-child",[o("td",`
 border-bottom: 0 solid var(--n-merged-border-color);
 `)])])]),C("single-line",[o("th",`
 border-right: 0px solid var(--n-merged-border-color);
 `),o("td",`
 border-right: 0px solid var(--n-merged-border-color);
 `)]),C("single-column",[o("tr",[o("&:not(:last-child)",[o("td",`
 border-bottom: 0px solid var(--n-merged-border-color);
 `)])])]),C("striped",[o("tr:nth-of-type(even)",[o("td","background-color: var(--n-td-color-striped)")])]),re("bottom-bordered",[o("tr",[o("&:last-child",[o("td",`
 border-bottom: 0px solid var(--n-merged-border-color);
 `)])])])]),oe($("table",`
 background-color: var(--n-td-color-modal);
 --n-merged-border-color: var(--n-border-color-modal);
 `,[o("th",`
 background-color: var(--n-th-color-modal);
 `),o("td",`
 background-color: var(--n-td-color-modal);
 `)])),te($("table",`
 background-color: var(--n-td-color-popover);
 --n-merged-border-color: var(--n-border-color-popover);
 `,[o("th",`
 background-color: var(--n-th-color-popover);
 `),o("td",`
 background-color: var(--n-td-color-popover);
 `)]))]);const ye={...j.props,bordered:{type:Boolean,default:!0},bottomBordered:{type:Boolean,default:!0},singleLine:{type:Boolean,default:!0},striped:Boolean,singleColumn:Boolean,size:String};var ke=E({name:"Table",props:ye,setup(r){const{mergedClsPrefixRef:e,inlineThemeDisabled:n,mergedRtlRef:a,mergedComponentPropsRef:m}=de(r),b=k(()=>r.size||m?.value?.Table?.size||"medium"),p=j("Table","-table",ze,ce,r,e),h=se("Table",a,e),l=k(()=>{const d=b.value,{self:{borderColor:f,tdColor:x,tdColorModal:R,tdColorPopover:I,thColor:N,thColorModal:O,thColorPopover:H,thTextColor:L,tdTextColor:D,borderRadius:F,thFontWeight:G,lineHeight:J,borderColorModal:K,borderColorPopover:Q,tdColorStriped:U,tdColorStripedModal:W,tdColorStripedPopover:q,[w("fontSize",d)]:X,[w("tdPadding",d)]:Y,[w("thPadding",d)]:Z},common:{cubicBezierEaseInOut:ee}}=p.value;return{"--n-bezier":ee,"--n-td-color":x,"--n-td-color-modal":R,"--n-td-color-popover":I,"--n-td-text-color":D,"--n-border-color":f,"--n-border-color-modal":K,"--n-border-color-popover":Q,"--n-border-radius":F,"--n-font-size":X,"--n-th-color":N,"--n-th-color-modal":O,"--n-th-color-popover":H,"--n-th-font-weight":G,"--n-th-text-color":L,"--n-line-height":J,"--n-td-padding":Y,"--n-th-padding":Z,"--n-td-color-striped":U,"--n-td-color-striped-modal":W,"--n-td-color-striped-popover":q}}),c=n?ie("table",k(()=>b.value[0]),l,r):void 0;return{rtlEnabled:h,mergedClsPrefix:e,cssVars:n?void 0:l,themeClass:c?.themeClass,onRender:c?.onRender}},render(){const{mergedClsPrefix:r}=this;return this.onRender?.(),i(),g("table",{class:ne([`${r}-table`,this.themeClass,{[`${r}-table--rtl`]:this.rtlEnabled,[`${r}-table--bottom-bordered`]:this.bottomBordered,[`${r}-table--bordered`]:this.bordered,[`${r}-table--single-line`]:this.singleLine,[`${r}-table--single-column`]:this.singleColumn,[`${r}-table--striped`]:this.striped}]),style:le(this.cssVars)},[ae(()=>this.$slots.default?.())],6)}});function T(r,e){const n="^"+r.replace(/[.+^${}()|[\]\\]/g,"\\$&").replace(/\*/g,".*").replace(/\?/g,".")+"$";return new RegExp(n).test(e)}function A(r,e,n){if(r.includes("@"))return[r];let a=r;for(const[l,c]of Object.entries(e.model_overrides??{}))if(T(l,a)){a=c;break}const m=Object.entries(e.provider_mapping??{}),p=m.find(([l])=>l===a)??m.find(([l])=>/[*?]/.test(l)&&T(l,a));if(p)return[`${a}@${p[1]}`];const h=Object.entries(n).filter(([,l])=>l.enabled!==!1&&(l.models?.include??[]).some(c=>T(c,a))).map(([l])=>`${a}@${l}`);return h.length?h:e.default_provider?[`${a}@${e.default_provider}`]:[]}function Re(r,e,n){const a=e.aliases?.[r];return a!==void 0?(Array.isArray(a)?a:[a]).flatMap(b=>A(b,e,n)):A(r,e,n)}const $e={class:"stack"},we={class:"muted small"},Be={key:0,class:"top","data-test":"route-result"},Pe={class:"small muted"},Se={class:"row"},Te={class:"grid-2"},Me={class:"mono"},Ve={class:"mono"},Ae={class:"mono"},Ee=E({__name:"RoutingView",setup(r){const{t:e}=ue(),n=ve(()=>xe());be(n.reload);const a=k(()=>n.data.value?.model_routing??{}),m=l=>Object.entries(l??{}).map(([c,d])=>[c,Array.isArray(d)?d.join(" → "):String(d)]),b=V(""),p=V(null);function h(){const l=b.value.trim();l&&(p.value=Re(l,a.value,n.data.value?.providers??{}))}return(l,c)=>(i(),g("div",$e,[s("h1",null,u(t(e)("routing.title")),1),t(n).unavailable.value?(i(),z(_e,{key:0,what:"/api/config"})):M("",!0),_(t(S),{title:t(e)("routing.explain"),size:"small"},{default:v(()=>[s("p",we,u(t(e)("routing.explainHint")),1),s("form",{class:"row",onSubmit:ge(h,["prevent"])},[_(t(fe),{value:b.value,"onUpdate:value":c[0]||(c[0]=d=>b.value=d),style:{"max-width":"360px"},"input-props":{name:"route-model","aria-label":t(e)("routing.explain")}},null,8,["value","input-props"]),_(t(pe),{type:"primary","attr-type":"submit","data-test":"route-explain"},{default:v(()=>[P(u(t(e)("routing.explainRun")),1)]),_:1})],32),p.value?(i(),g("div",Be,[p.value.length?(i(),g(y,{key:1},[s("div",Pe,u(t(e)("routing.candidates")),1),s("div",Se,[(i(!0),g(y,null,B(p.value,(d,f)=>(i(),z(t(me),{key:f,type:"info"},{default:v(()=>[P(u(d),1)]),_:2},1024))),128))])],64)):(i(),z(t(he),{key:0,type:"warning"},{default:v(()=>[P(u(t(e)("routing.noRoute")),1)]),_:1}))])):M("",!0)]),_:1},8,["title"]),s("div",Te,[(i(!0),g(y,null,B([[t(e)("routing.aliases"),a.value.aliases],[t(e)("routing.mappings"),a.value.provider_mapping],[t(e)("routing.overrides"),a.value.model_overrides]],([d,f])=>(i(),z(t(S),{key:String(d),title:String(d),size:"small"},{default:v(()=>[_(t(ke),{size:"small","single-line":!1},{default:v(()=>[s("thead",null,[s("tr",null,[s("th",null,u(t(e)("routing.from")),1),s("th",null,u(t(e)("routing.to")),1)])]),s("tbody",null,[(i(!0),g(y,null,B(m(f),([x,R])=>(i(),g("tr",{key:x},[s("td",Me,u(x),1),s("td",Ve,u(R),1)]))),128))])]),_:2},1024)]),_:2},1032,["title"]))),128)),_(t(S),{title:t(e)("routing.default"),size:"small"},{default:v(()=>[s("span",Ae,u(a.value.default_provider??"—"),1)]),_:1},8,["title"])])]))}}),Ge=Ce(Ee,[["__scopeId","data-v-c158cc9d"]]);export{Ge as default};
