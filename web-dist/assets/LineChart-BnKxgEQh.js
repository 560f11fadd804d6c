import{c as b,b as x,e as S,u as $,o as l,f as o,g as n,h as d,n as c,F as E,i as C,j as L,Q as P,l as W,m,aQ as p,b0 as A,z as I,w as j,t as h,s as D,y as g,B as z,C as H}from"./index-0AYua6BM.js";import{_ as k}from"./_plugin-vue_export-helper-xv-J9KQq.js";import{u as O}from"./use-theme-vars-CdGuYqqD.js";import{l as Q}from"./series-CJ29tG07.js";var M=b("statistic",[x("label",`
 font-weight: var(--n-label-font-weight);
 transition: .3s color var(--n-bezier);
 font-size: var(--n-label-font-size);
 color: var(--n-label-text-color);
 `),b("statistic-value",`
 margin-top: 4px;
 font-weight: var(--n-value-font-weight);
 `,[x("prefix",`
 margin: 0 4px 0 0;
 font-size: var(--n-value-font-size);
 transition: .3s color var(--n-bezier);
 color: var(--n-value-prefix-text-color);
 `,[b("icon",{verticalAlign:"-0.125em"})]),x("content",`
 font-size: var(--n-value-font-size);
 transition: .3s color var(--n-bezier);
 color: var(--n-value-text-color);
 `),x("suffix",`
 margin: 0 0 0 4px;
 font-size: var(--n-value-font-size);
 transition: .3s color var(--n-bezier);
 color: var(--n-value-suffix-text-color);
 `,[b("icon",{verticalAlign:"-0.125em"})])])]);const Z={...$.props,tabularNums:Boolean,label:String,value:[String,Number]};var q=S({name:"Statistic",props:Z,slots:Object,setup(e){const{mergedClsPrefixRef:a,inlineThemeDisabled:s,mergedRtlRef:r}=L(e),i=$("Statistic","-statistic",M,A,e,a),t=P("Statistic",r,a),v=m(()=>{const{self:{labelFontWeight:f,valueFontSize:y,valueFontWeight:w,valuePrefixTextColor:R,labelTextColor:B,valueSuffixTextColor:V,valueTextColor:N,labelFontSize:T},common:{cubicBezierEaseInOut:F}}=i.value;return{"--n-bezier":F,"--n-label-font-size":T,"--n-label-font-weight":f,"--n-label-text-color":B,"--n-value-font-weight":w,"--n-value-font-size":y,"--n-value-prefix-text-color":R,"--n-value-suffix-text-color":V,"--n-value-text-color":N}}),u=s?W("statistic",void 0,v,e):void 0;return{rtlEnabled:t,mergedClsPrefix:a,cssVars:s?void 0:v,themeClass:u?.themeClass,onRender:u?.onRender}},render(){const{mergedClsPrefix:e,$slots:{default:a,label:s,prefix:r,suffix:i}}=this;return this.onRender?.(),l(),o("div",{class:c([`${e}-statistic`,this.themeClass,this.rtlEnabled&&`${e}-statistic--rtl`]),style:C(this.cssVars)},[n(()=>p(s,t=>(l(),o("div",{class:c(`${e}-statistic__label`)},[n(()=>this.label||t)],2)))),d("div",{class:c(`${e}-statistic-value`),style:C({fontVariantNumeric:this.tabularNums?"tabular-nums":""})},[n(()=>p(r,t=>t&&(l(),o("span",{class:c(`${e}-statistic-value__prefix`)},[n(()=>t)],2)))),this.value!==void 0?(l(),o("span",{key:0,class:c(`${e}-statistic-value__content`)},[n(()=>this.value)],2)):(l(),o(E,{key:1},[n(()=>p(a,t=>t&&(l(),o("span",{class:c(`${e}-statistic-value__content`)},[n(()=>t)],2))))],64)),n(()=>p(i,t=>t&&(l(),o("span",{class:c(`${e}-statistic-value__suffix`)},[n(()=>t)],2))))],6)],6)}});const G={key:0,class:"muted sub"},J=S({__name:"StatCard",props:{label:{},value:{},sub:{},test:{}},setup(e){return(a,s)=>(l(),I(h(H),{size:"small","data-test":e.test},{default:j(()=>[D(h(q),{label:e.label,value:e.value},null,8,["label","value"]),e.sub?(l(),o("div",G,g(e.sub),1)):z("",!0)]),_:1},8,["data-test"]))}}),re=k(J,[["__scopeId","data-v-f9373834"]]),K=["data-test"],U={class:"row cap"},X={class:"muted"},Y=["viewBox","aria-label"],ee=["y1","y2","stroke"],te=["d","fill"],ae=["d","stroke"],_=600,se=S({__name:"LineChart",props:{points:{},label:{},format:{type:Function},height:{},test:{}},setup(e){const a=e,s=m(()=>a.height??120),r=O(),i=m(()=>Q(a.points,_,s.value-4)),t=m(()=>i.value.d?`${i.value.d} L${_},${s.value} L0,${s.value} Z`:""),v=m(()=>a.points.length?a.points[a.points.length-1].v:0),u=f=>a.format?a.format(f):String(Math.round(f*100)/100);return(f,y)=>(l(),o("figure",{class:"chart","data-test":e.test},[d("figcaption",U,[d("span",null,g(e.label),1),d("span",X,"▲ "+g(u(i.value.max))+" · "+g(u(v.value)),1)]),(l(),o("svg",{viewBox:`0 0 ${_} ${s.value}`,preserveAspectRatio:"none",role:"img","aria-label":e.label+": "+u(v.value),style:C({height:s.value+"px"})},[d("line",{x1:"0",y1:s.value-.5,x2:_,y2:s.value-.5,stroke:h(r).borderColor},null,8,ee),t.value?(l(),o("path",{key:0,d:t.value,fill:h(r).primaryColor,"fill-opacity":"0.15"},null,8,te)):z("",!0),i.value.d?(l(),o("path",{key:1,d:i.value.d,fill:"none",stroke:h(r).primaryColor,"stroke-width":"2","vector-effect":"non-scaling-stroke"},null,8,ae)):z("",!0)],12,Y))],8,K))}}),ce=k(se,[["__scopeId","data-v-55ef9661"]]);export{ce as L,re as S};
