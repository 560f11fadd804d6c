import{c as t,a0 as r,b as i,e as p,o as l,f as m,g as c,n as f,j as g,b1 as h,p as x,z as y,w as n,s as d,t as e,E as C,A as v,y as w}from"./index-0AYua6BM.js";import{u as _}from"./useCopy-BUT-UydH.js";import{I as B}from"./Input-_qzSyEcK.js";var I=t("input-group",`
 display: inline-flex;
 width: 100%;
 flex-wrap: nowrap;
 vertical-align: bottom;
`,[r(">",[t("input",[r("&:not(:last-child)",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `),r("&:not(:first-child)",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 margin-left: -1px!important;
 `)]),t("button",[r("&:not(:last-child)",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `,[i("state-border, border",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `)]),r("&:not(:first-child)",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `,[i("state-border, border",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `)])]),r("*",[r("&:not(:last-child)",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `,[r(">",[t("input",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `),t("base-selection",[t("base-selection-label",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `),t("base-selection-tags",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `),i("box-shadow, border, state-border",`
 border-top-right-radius: 0!important;
 border-bottom-right-radius: 0!important;
 `)])])]),r("&:not(:first-child)",`
 margin-left: -1px!important;
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `,[r(">",[t("input",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `),t("base-selection",[t("base-selection-label",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `),t("base-selection-tags",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `),i("box-shadow, border, state-border",`
 border-top-left-radius: 0!important;
 border-bottom-left-radius: 0!important;
 `)])])])])])]);const k={};var P=p({name:"InputGroup",props:k,setup(o){const{mergedClsPrefixRef:a}=g(o);return h("-input-group",I,a),{mergedClsPrefix:a}},render(){const{mergedClsPrefix:o}=this;return l(),m("div",{class:f(`${o}-input-group`)},[c(()=>this.$slots.default?.())],2)}});const $=p({__name:"CopyField",props:{value:{},label:{},test:{}},setup(o){const a=o,{t:s}=x(),u=_(),b=()=>u(a.value);return(z,E)=>(l(),y(e(P),null,{default:n(()=>[d(e(B),{value:o.value,readonly:"","aria-label":o.label,"input-props":{name:o.test??""}},null,8,["value","aria-label","input-props"]),d(e(C),{type:"primary",secondary:"","aria-label":e(s)("common.copy")+": "+o.label,onClick:b},{default:n(()=>[v(w(e(s)("common.copy")),1)]),_:1},8,["aria-label"])]),_:1}))}});export{$ as _};
