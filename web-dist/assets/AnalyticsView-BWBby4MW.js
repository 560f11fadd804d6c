import{e as M,o,f as g,h as l,i as P,n as u,g as x,F as j,z as w,m as S,aW as oe,aX as ie,aY as ae,aZ as se,a_ as de,aj as le,a0 as T,c as f,d as N,u as ne,M as V,j as ue,l as ge,a$ as pe,aJ as U,p as fe,ay as he,r as me,U as ye,y as A,t as i,s as _,w as D,B as Z,H as ve,A as X,C as G,K as be,az as Y,aA as H,x as _e}from"./index-0AYua6BM.js";import{R as F}from"./RadioButton-CmRcUNt1.js";import{R as xe}from"./RadioGroup-8wcjfHWU.js";import{D as E}from"./DataTable-Bm018Md6.js";import{f as q}from"./Select-at1TLeNJ.js";import{S as W,L as $e}from"./LineChart-BnKxgEQh.js";import{_ as ke}from"./Unavailable.vue_vue_type_script_setup_true_lang-CELOBUHQ.js";import{u as J}from"./useLoad-BpGmVZNk.js";import{a as Q,b as Ce,d as ee,c as re,e as K,i as we}from"./format-LMcoi8AM.js";import{_ as Se}from"./_plugin-vue_export-helper-xv-J9KQq.js";import"./get-slot-VaplJ9hC.js";import"./Suffix-DRYQ0bC9.js";import"./Input-_qzSyEcK.js";import"./Dropdown-DoF0pYXk.js";import"./ChevronRight-CnC_i75B.js";import"./cssr-C-fuwc_s.js";import"./Tooltip-DzsHXTfY.js";import"./use-compitable-B22rUASP.js";import"./Tag-BmbKm0EJ.js";import"./use-theme-vars-CdGuYqqD.js";import"./series-CJ29tG07.js";const ze=["id"],Pe=["stop-color"],Be=["stop-color"],Re=["viewBox"],Ne=["d","stroke-width"],De=["d","stroke-width"],Ie={success:(o(),w(se)),error:(o(),w(ae)),warning:(o(),w(ie)),info:(o(),w(oe))};var qe=M({name:"ProgressCircle",props:{clsPrefix:{type:String,required:!0},status:{type:String,required:!0},strokeWidth:{type:Number,required:!0},fillColor:[String,Object],railColor:String,railStyle:[String,Object],percentage:{type:Number,default:0},offsetDegree:{type:Number,default:0},showIndicator:{type:Boolean,required:!0},indicatorTextColor:String,unit:String,viewBoxWidth:{type:Number,required:!0},gapDegree:{type:Number,required:!0},gapOffsetDegree:{type:Number,default:0}},setup(e,{slots:t}){const y=S(()=>{const a="gradient",{fillColor:s}=e;return typeof s=="object"?`${a}-${de(JSON.stringify(s))}`:a});function k(a,s,n,h){const{gapDegree:v,viewBoxWidth:m,strokeWidth:b}=e,c=50,C=0,d=c,r=0,$=100,B=50+b/2,z=`M ${B},${B} m ${C},${d}
      a ${c},${c} 0 1 1 ${r},-100
      a ${c},${c} 0 1 1 0,${$}`,R=Math.PI*2*c;return{pathString:z,pathStyle:{stroke:h==="rail"?n:typeof e.fillColor=="object"?`url(#${y.value})`:n,strokeDasharray:`${Math.min(a,100)/100*(R-v)}px ${m*8}px`,strokeDashoffset:`-${v/2}px`,transformOrigin:s?"center":void 0,transform:s?`rotate(${s}deg)`:void 0}}}const p=()=>{const a=typeof e.fillColor=="object",s=a?e.fillColor.stops[0]:"",n=a?e.fillColor.stops[1]:"";return a&&(o(),g("defs",null,[l("linearGradient",{id:y.value,x1:"0%",y1:"100%",x2:"100%",y2:"0%"},[l("stop",{offset:"0%","stop-color":s},null,8,Pe),l("stop",{offset:"100%","stop-color":n},null,8,Be)],8,ze)]))};return()=>{const{fillColor:a,railColor:s,strokeWidth:n,offsetDegree:h,status:v,percentage:m,showIndicator:b,indicatorTextColor:c,unit:C,gapOffsetDegree:d,clsPrefix:r}=e,{pathString:$,pathStyle:B}=k(100,0,s,"rail"),{pathString:z,pathStyle:R}=k(m,h,a,"fill"),I=100+n;return o(),g("div",{class:u(`${r}-progress-content`),role:"none"},[l("div",{class:u(`${r}-progress-graph`),"aria-hidden":!0},[l("div",{class:u(`${r}-progress-graph-circle`),style:P({transform:d?`rotate(${d}deg)`:void 0})},[(o(),g("svg",{viewBox:`0 0 ${I} ${I}`},[x(()=>p()),l("g",null,[l("path",{class:u(`${r}-progress-graph-circle-rail`),d:$,"stroke-width":n,"stroke-linecap":"round",fill:"none",style:P(B)},null,14,Ne)]),l("g",null,[l("path",{class:u([`${r}-progress-graph-circle-fill`,m===0&&`${r}-progress-graph-circle-fill--empty`]),d:z,"stroke-width":n,"stroke-linecap":"round",fill:"none",style:P(R)},null,14,De)])],8,Re))],6)],2),b?(o(),g("div",{key:0},[t.default?(o(),g("div",{key:0,class:u(`${r}-progress-custom-content`),role:"none"},[x(()=>t.default())],2)):(o(),g(j,{key:1},[v!=="default"?(o(),g("div",{key:0,class:u(`${r}-progress-icon`),"aria-hidden":!0},[(o(),w(le,{clsPrefix:r},{default:()=>Ie[v]},1032,["clsPrefix"]))],2)):(o(),g("div",{key:1,class:u(`${r}-progress-text`),style:P({color:c}),role:"none"},[l("span",{class:u(`${r}-progress-text__percentage`)},[x(()=>m)],2),l("span",{class:u(`${r}-progress-text__unit`)},[x(()=>C)],2)],6))],64))])):x(()=>null)],2)}}});const We={success:(o(),w(se)),error:(o(),w(ae)),warning:(o(),w(ie)),info:(o(),w(oe))};var je=M({name:"ProgressLine",props:{clsPrefix:{type:String,required:!0},percentage:{type:Number,default:0},railColor:String,railStyle:[String,Object],fillColor:[String,Object],status:{type:String,required:!0},indicatorPlacement:{type:String,required:!0},indicatorTextColor:String,unit:{type:String,default:"%"},processing:{type:Boolean,required:!0},showIndicator:{type:Boolean,required:!0},height:[String,Number],railBorderRadius:[String,Number],fillBorderRadius:[String,Number]},setup(e,{slots:t}){const y=S(()=>q(e.height)),k=S(()=>typeof e.fillColor=="object"?`linear-gradient(to right, ${e.fillColor?.stops[0]} , ${e.fillColor?.stops[1]})`:e.fillColor),p=S(()=>e.railBorderRadius!==void 0?q(e.railBorderRadius):e.height!==void 0?q(e.height,{c:.5}):""),a=S(()=>e.fillBorderRadius!==void 0?q(e.fillBorderRadius):e.railBorderRadius!==void 0?q(e.railBorderRadius):e.height!==void 0?q(e.height,{c:.5}):"");return()=>{const{indicatorPlacement:s,railColor:n,railStyle:h,percentage:v,unit:m,indicatorTextColor:b,status:c,showIndicator:C,processing:d,clsPrefix:r}=e;return o(),g("div",{class:u(`${r}-progress-content`),role:"none"},[l("div",{class:u(`${r}-progress-graph`),"aria-hidden":!0},[l("div",{class:u([`${r}-progress-graph-line`,{[`${r}-progress-graph-line--indicator-${s}`]:!0}])},[l("div",{class:u(`${r}-progress-graph-line-rail`),style:P([{backgroundColor:n,height:y.value,borderRadius:p.value},h])},[l("div",{class:u([`${r}-progress-graph-line-fill`,d&&`${r}-progress-graph-line-fill--processing`]),style:P({maxWidth:`${e.percentage}%`,background:k.value,height:y.value,lineHeight:y.value,borderRadius:a.value})},[s==="inside"?(o(),g("div",{key:0,class:u(`${r}-progress-graph-line-indicator`),style:P({color:b})},[t.default?(o(),g(j,{key:0},[x(()=>t.default())],64)):(o(),g(j,{key:1},[x(()=>`${v}${m}`)],64))],6)):x(()=>null)],6)],6)],2)],2),C&&s==="outside"?(o(),g("div",{key:0},[t.default?(o(),g("div",{key:0,class:u(`${r}-progress-custom-content`),style:P({color:b}),role:"none"},[x(()=>t.default())],6)):(o(),g(j,{key:1},[c==="default"?(o(),g("div",{key:0,role:"none",class:u(`${r}-progress-icon ${r}-progress-icon--as-text`),style:P({color:b})},[x(()=>v),x(()=>m)],6)):(o(),g("div",{key:1,class:u(`${r}-progress-icon`),"aria-hidden":!0},[(o(),w(le,{clsPrefix:r},{default:()=>We[c]},1032,["clsPrefix"]))],2))],64))])):x(()=>null)],2)}}});const Oe=["id"],Me=["stop-color"],Te=["stop-color"],Ae=["d","stroke-width"],Ge=["d","stroke-width"],Le=["viewBox"];function te(e,t,y=100){return`m ${y/2} ${y/2-e} a ${e} ${e} 0 1 1 0 ${2*e} a ${e} ${e} 0 1 1 0 -${2*e}`}var Ve=M({name:"ProgressMultipleCircle",props:{clsPrefix:{type:String,required:!0},viewBoxWidth:{type:Number,required:!0},percentage:{type:Array,default:[0]},strokeWidth:{type:Number,required:!0},circleGap:{type:Number,required:!0},showIndicator:{type:Boolean,required:!0},fillColor:{type:Array,default:()=>[]},railColor:{type:Array,default:()=>[]},railStyle:{type:Array,default:()=>[]}},setup(e,{slots:t}){const y=S(()=>e.percentage.map((p,a)=>`${Math.PI*p/100*(e.viewBoxWidth/2-e.strokeWidth/2*(1+2*a)-e.circleGap*a)*2}, ${e.viewBoxWidth*8}`)),k=(p,a)=>{const s=e.fillColor[a],n=typeof s=="object"?s.stops[0]:"",h=typeof s=="object"?s.stops[1]:"";return typeof e.fillColor[a]=="object"&&(o(),g("linearGradient",{id:`gradient-${a}`,x1:"100%",y1:"0%",x2:"0%",y2:"100%"},[l("stop",{offset:"0%","stop-color":n},null,8,Me),l("stop",{offset:"100%","stop-color":h},null,8,Te)],8,Oe))};return()=>{const{viewBoxWidth:p,strokeWidth:a,circleGap:s,showIndicator:n,fillColor:h,railColor:v,railStyle:m,percentage:b,clsPrefix:c}=e;return o(),g("div",{class:u(`${c}-progress-content`),role:"none"},[l("div",{class:u(`${c}-progress-graph`),"aria-hidden":!0},[l("div",{class:u(`${c}-progress-graph-circle`)},[(o(),g("svg",{viewBox:`0 0 ${p} ${p}`},[l("defs",null,[x(()=>b.map((C,d)=>k(C,d)))]),x(()=>b.map((C,d)=>(o(),g("g",{key:d},[l("path",{class:u(`${c}-progress-graph-circle-rail`),d:te(p/2-a/2*(1+2*d)-s*d,a,p),"stroke-width":a,"stroke-linecap":"round",fill:"none",style:P([{strokeDashoffset:0,stroke:v[d]},m[d]])},null,14,Ae),l("path",{class:u([`${c}-progress-graph-circle-fill`,C===0&&`${c}-progress-graph-circle-fill--empty`]),d:te(p/2-a/2*(1+2*d)-s*d,a,p),"stroke-width":a,"stroke-linecap":"round",fill:"none",style:P({strokeDasharray:y.value[d],strokeDashoffset:0,stroke:typeof h[d]=="object"?`url(#gradient-${d})`:h[d]})},null,14,Ge)]))))],8,Le))],2)],2),n&&t.default?(o(),g("div",{key:0},[l("div",{class:u(`${c}-progress-text`)},[x(()=>t.default())],2)])):x(()=>null)],2)}}}),Xe=T([f("progress",{display:"inline-block"},[f("progress-icon",`
 color: var(--n-icon-color);
 transition: color .3s var(--n-bezier);
 `),N("line",`
 width: 100%;
 display: block;
 `,[f("progress-content",`
 display: flex;
 align-items: center;
 `,[f("progress-graph",{flex:1})]),f("progress-custom-content",{marginLeft:"14px"}),f("progress-icon",`
 width: 30px;
 padding-left: 14px;
 height: var(--n-icon-size-line);
 line-height: var(--n-icon-size-line);
 font-size: var(--n-icon-size-line);
 `,[N("as-text",`
 color: var(--n-text-color-line-outer);
 text-align: center;
 width: 40px;
 font-size: var(--n-font-size);
 padding-left: 4px;
 transition: color .3s var(--n-bezier);
 `)])]),N("circle, dashboard",{width:"120px"},[f("progress-custom-content",`
 position: absolute;
 left: 50%;
 top: 50%;
 transform: translateX(-50%) translateY(-50%);
 display: flex;
 align-items: center;
 justify-content: center;
 `),f("progress-text",`
 position: absolute;
 left: 50%;
 top: 50%;
 transform: translateX(-50%) translateY(-50%);
 display: flex;
 align-items: center;
 color: inherit;
 font-size: var(--n-font-size-circle);
 color: var(--n-text-color-circle);
 font-weight: var(--n-font-weight-circle);
 transition: color .3s var(--n-bezier);
 white-space: nowrap;
 `),f("progress-icon",`
 position: absolute;
 left: 50%;
 top: 50%;
 transform: translateX(-50%) translateY(-50%);
 display: flex;
 align-items: center;
 color: var(--n-icon-color);
 font-size: var(--n-icon-size-circle);
 `)]),N("multiple-circle",`
 width: 200px;
 color: inherit;
 `,[f("progress-text",`
 font-weight: var(--n-font-weight-circle);
 color: var(--n-text-color-circle);
 position: absolute;
 left: 50%;
 top: 50%;
 transform: translateX(-50%) translateY(-50%);
 display: flex;
 align-items: center;
 justify-content: center;
 transition: color .3s var(--n-bezier);
 `)]),f("progress-content",{position:"relative"}),f("progress-graph",{position:"relative"},[f("progress-graph-circle",[T("svg",{verticalAlign:"bottom"}),f("progress-graph-circle-fill",`
 stroke: var(--n-fill-color);
 transition:
 opacity .3s var(--n-bezier),
 stroke .3s var(--n-bezier),
 stroke-dasharray .3s var(--n-bezier);
 `,[N("empty",{opacity:0})]),f("progress-graph-circle-rail",`
 transition: stroke .3s var(--n-bezier);
 overflow: hidden;
 stroke: var(--n-rail-color);
 `)]),f("progress-graph-line",[N("indicator-inside",[f("progress-graph-line-rail",`
 height: 16px;
 line-height: 16px;
 border-radius: 10px;
 `,[f("progress-graph-line-fill",`
 height: inherit;
 border-radius: 10px;
 `),f("progress-graph-line-indicator",`
 background: #0000;
 white-space: nowrap;
 text-align: right;
 margin-left: 14px;
 margin-right: 14px;
 height: inherit;
 font-size: 12px;
 color: var(--n-text-color-line-inner);
 transition: color .3s var(--n-bezier);
 `)])]),N("indicator-inside-label",`
 height: 16px;
 display: flex;
 align-items: center;
 `,[f("progress-graph-line-rail",`
 flex: 1;
 transition: background-color .3s var(--n-bezier);
 `),f("progress-graph-line-indicator",`
 background: var(--n-fill-color);
 font-size: 12px;
 transform: translateZ(0);
 display: flex;
 vertical-align: middle;
 height: 16px;
 line-height: 16px;
 padding: 0 10px;
 border-radius: 10px;
 position: absolute;
 white-space: nowrap;
 color: var(--n-text-color-line-inner);
 transition:
 right .2s var(--n-bezier),
 color .3s var(--n-bezier),
 background-color .3s var(--n-bezier);
 `)]),f("progress-graph-line-rail",`
 position: relative;
 overflow: hidden;
 height: var(--n-rail-height);
 border-radius: 5px;
 background-color: var(--n-rail-color);
 transition: background-color .3s var(--n-bezier);
 `,[f("progress-graph-line-fill",`
 background: var(--n-fill-color);
 position: relative;
 border-radius: 5px;
 height: inherit;
 width: 100%;
 max-width: 0%;
 transition:
 background-color .3s var(--n-bezier),
 max-width .2s var(--n-bezier);
 `,[N("processing",[T("&::after",`
 content: "";
 background-image: var(--n-line-bg-processing);
 animation: progress-processing-animation 2s var(--n-bezier) infinite;
 `)])])])])])]),T("@keyframes progress-processing-animation",`
 0% {
 position: absolute;
 left: 0;
 top: 0;
 bottom: 0;
 right: 100%;
 opacity: 1;
 }
 66% {
 position: absolute;
 left: 0;
 top: 0;
 bottom: 0;
 right: 0;
 opacity: 0;
 }
 100% {
 position: absolute;
 left: 0;
 top: 0;
 bottom: 0;
 right: 0;
 opacity: 0;
 }
 `)]);const Ye=["aria-valuenow","role"],He={...ne.props,processing:Boolean,type:{type:String,default:"line"},gapDegree:Number,gapOffsetDegree:Number,status:{type:String,default:"default"},railColor:[String,Array],railStyle:[String,Array],color:[String,Array,Object],viewBoxWidth:{type:Number,default:100},strokeWidth:{type:Number,default:7},percentage:[Number,Array],unit:{type:String,default:"%"},showIndicator:{type:Boolean,default:!0},indicatorPosition:{type:String,default:"outside"},indicatorPlacement:{type:String,default:"outside"},indicatorTextColor:String,circleGap:{type:Number,default:1},height:Number,borderRadius:[String,Number],fillBorderRadius:[String,Number],offsetDegree:Number};var Fe=M({name:"Progress",props:He,setup(e){const t=S(()=>e.indicatorPlacement||e.indicatorPosition),y=S(()=>{if(e.gapDegree||e.gapDegree===0)return e.gapDegree;if(e.type==="dashboard")return 75}),{mergedClsPrefixRef:k,inlineThemeDisabled:p}=ue(e),a=ne("Progress","-progress",Xe,pe,e,k),s=S(()=>{const{status:h}=e,{common:{cubicBezierEaseInOut:v},self:{fontSize:m,fontSizeCircle:b,railColor:c,railHeight:C,iconSizeCircle:d,iconSizeLine:r,textColorCircle:$,textColorLineInner:B,textColorLineOuter:z,lineBgProcessing:R,fontWeightCircle:I,[U("iconColor",h)]:L,[U("fillColor",h)]:O}}=a.value;return{"--n-bezier":v,"--n-fill-color":O,"--n-font-size":m,"--n-font-size-circle":b,"--n-font-weight-circle":I,"--n-icon-color":L,"--n-icon-size-circle":d,"--n-icon-size-line":r,"--n-line-bg-processing":R,"--n-rail-color":c,"--n-rail-height":C,"--n-text-color-circle":$,"--n-text-color-line-inner":B,"--n-text-color-line-outer":z}}),n=p?ge("progress",S(()=>e.status[0]),s,e):void 0;return{mergedClsPrefix:k,mergedIndicatorPlacement:t,gapDeg:y,cssVars:p?void 0:s,themeClass:n?.themeClass,onRender:n?.onRender}},render(){const{type:e,cssVars:t,indicatorTextColor:y,showIndicator:k,status:p,railColor:a,railStyle:s,color:n,percentage:h,viewBoxWidth:v,strokeWidth:m,mergedIndicatorPlacement:b,unit:c,borderRadius:C,fillBorderRadius:d,height:r,processing:$,circleGap:B,mergedClsPrefix:z,gapDeg:R,gapOffsetDegree:I,themeClass:L,$slots:O,onRender:ce}=this;return ce?.(),o(),g("div",{class:u([L,`${z}-progress`,`${z}-progress--${e}`,`${z}-progress--${p}`]),style:P(t),"aria-valuemax":100,"aria-valuemin":0,"aria-valuenow":h,role:e==="circle"||e==="line"||e==="dashboard"?"progressbar":"none"},[e==="circle"||e==="dashboard"?(o(),w(qe,{key:0,clsPrefix:z,status:p,showIndicator:k,indicatorTextColor:y,railColor:a,fillColor:n,railStyle:s,offsetDegree:this.offsetDegree,percentage:h,viewBoxWidth:v,strokeWidth:m,gapDegree:R===void 0?e==="dashboard"?75:0:R,gapOffsetDegree:I,unit:c},V(O),1032,["clsPrefix","status","showIndicator","indicatorTextColor","railColor","fillColor","railStyle","offsetDegree","percentage","viewBoxWidth","strokeWidth","gapDegree","gapOffsetDegree","unit"])):(o(),g(j,{key:1},[e==="line"?(o(),w(je,{key:0,clsPrefix:z,status:p,showIndicator:k,indicatorTextColor:y,railColor:a,fillColor:n,railStyle:s,percentage:h,processing:$,indicatorPlacement:b,unit:c,fillBorderRadius:d,railBorderRadius:C,height:r},V(O),1032,["clsPrefix","status","showIndicator","indicatorTextColor","railColor","fillColor","railStyle","percentage","processing","indicatorPlacement","unit","fillBorderRadius","railBorderRadius","height"])):(o(),g(j,{key:1},[e==="multiple-circle"?(o(),w(Ve,{key:0,clsPrefix:z,strokeWidth:m,railColor:a,fillColor:n,railStyle:s,viewBoxWidth:v,percentage:h,showIndicator:k,circleGap:B},V(O),1032,["clsPrefix","strokeWidth","railColor","fillColor","railStyle","viewBoxWidth","percentage","showIndicator","circleGap"])):x(()=>null)],64))],64))],14,Ye)}});const Ee={class:"stack"},Je={class:"row head"},Ke={class:"grid-cards"},Ue={class:"grid-2"},Ze={class:"table-wrap"},Qe={class:"table-wrap"},er={class:"table-wrap"},rr=M({__name:"AnalyticsView",setup(e){const{t}=fe(),y=_e(),k=he(),p=ve(864e5),a=()=>({since_ms:Date.now()-p.value}),s=J(()=>Y.get("/api/dashboard"+H(a()))),n=J(()=>Y.get("/api/analytics/costs"+H(a()))),h=J(()=>Y.get("/api/analytics/slow"+H({...a(),limit:10}))),v=()=>Promise.all([s.reload(),n.reload(),h.reload()]);me(v),ye(p,v);const m=S(()=>s.data.value?.total),b=S(()=>(s.data.value?.series??[]).map(r=>({t:Number(r.group)*1e3,v:r.requests}))),c=r=>[{title:r,key:"group"},{title:t("dashboard.requests"),key:"requests",render:$=>Q($.requests)},{title:t("dashboard.cost"),key:"cost_usd",render:$=>ee($.cost_usd)},{title:t("analytics.share"),key:"percent",render:$=>be(Fe,{type:"line",percentage:Math.round($.percent),indicatorPlacement:"inside",height:14})}],C=S(()=>[{title:t("logs.time"),key:"started_at_ms",render:r=>we(r.started_at_ms,k.locale)},{title:t("logs.model"),key:"requested_model"},{title:t("logs.provider"),key:"provider"},{title:t("logs.ttfb"),key:"ttfb_ms",render:r=>K(r.ttfb_ms)},{title:t("logs.latency"),key:"latency_ms",render:r=>K(r.latency_ms)}]),d=r=>({style:"cursor: pointer",onClick:()=>y.push({name:"log",params:{id:r.short_id}})});return(r,$)=>(o(),g("div",Ee,[l("div",Je,[l("h1",null,A(i(t)("analytics.title")),1),_(i(xe),{value:p.value,"onUpdate:value":$[0]||($[0]=B=>p.value=B),size:"small","aria-label":i(t)("analytics.range")},{default:D(()=>[_(i(F),{value:864e5},{default:D(()=>[X(A(i(t)("analytics.range24h")),1)]),_:1}),_(i(F),{value:6048e5},{default:D(()=>[X(A(i(t)("analytics.range7d")),1)]),_:1}),_(i(F),{value:2592e6},{default:D(()=>[X(A(i(t)("analytics.range30d")),1)]),_:1})]),_:1},8,["value","aria-label"])]),i(n).unavailable.value?(o(),w(ke,{key:0,what:"/api/analytics"})):Z("",!0),l("div",Ke,[_(W,{label:i(t)("dashboard.requests"),value:i(Q)(m.value?.requests)},null,8,["label","value"]),_(W,{label:i(t)("dashboard.errorRate"),value:i(Ce)(i(s).data.value?.error_rate)},null,8,["label","value"]),_(W,{label:i(t)("analytics.totalCost"),value:i(ee)(i(n).data.value?.total_cost_usd)},null,8,["label","value"]),_(W,{label:i(t)("dashboard.tokensIn"),value:i(re)(m.value?.input_tokens)},null,8,["label","value"]),_(W,{label:i(t)("dashboard.tokensOut"),value:i(re)(m.value?.output_tokens)},null,8,["label","value"]),_(W,{label:i(t)("dashboard.ttfb"),value:i(K)(m.value?.ttfb_ms_p50)},null,8,["label","value"])]),b.value.length?(o(),w(i(G),{key:1,size:"small"},{default:D(()=>[_($e,{points:b.value,label:i(t)("dashboard.hourly")},null,8,["points","label"])]),_:1})):Z("",!0),l("div",Ue,[_(i(G),{title:i(t)("analytics.costs"),size:"small"},{default:D(()=>[l("div",Ze,[_(i(E),{size:"small","scroll-x":480,columns:c(i(t)("dashboard.provider")),data:i(n).data.value?.by_provider??[]},null,8,["columns","data"])])]),_:1},8,["title"]),_(i(G),{title:i(t)("analytics.costsModel"),size:"small"},{default:D(()=>[l("div",Qe,[_(i(E),{size:"small","scroll-x":480,columns:c(i(t)("dashboard.model")),data:i(n).data.value?.by_model??[]},null,8,["columns","data"])])]),_:1},8,["title"])]),_(i(G),{title:i(t)("analytics.slow"),size:"small"},{default:D(()=>[l("div",er,[_(i(E),{size:"small","scroll-x":640,columns:C.value,data:i(h).data.value?.items??[],"row-props":d},null,8,["columns","data"])])]),_:1},8,["title"])]))}}),kr=Se(rr,[["__scopeId","data-v-a1e598d0"]]);export{kr as default};
