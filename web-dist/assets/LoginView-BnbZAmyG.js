import{c as G,a as D,b as w,d as m,e as A,u as O,o as n,f as b,n as P,g as E,F as V,h as z,i as J,j as Q,k as X,l as Y,m as T,p as Z,q as ee,r as te,s as l,w as r,t as e,C as ae,v as le,x as se,y as d,z as $,A as f,B,D as M,E as N,G as re,H as g}from"./index-BfO0mSgW.js";import{A as R,e as L}from"./useLoad-BLCS9QoM.js";import{I as _}from"./Input-r7Yjk4Zt.js";import{F as W,a as x}from"./FormItem-BVOSoF6p.js";import{P as oe}from"./PrefsControls-YgUs9D3W.js";import{_ as ie}from"./_plugin-vue_export-helper-DlAUqK2U.js";import"./Suffix-DQ6xJiPP.js";import"./use-merged-state-B9KSZcTJ.js";import"./Tooltip-yEUWhG7G.js";import"./cssr-DHGholXm.js";import"./Tag-DDwDZ7St.js";import"./use-compitable-DCrG1B5Y.js";var ne=G("divider",`
 position: relative;
 display: flex;
 width: 100%;
 box-sizing: border-box;
 font-size: 16px;
 color: var(--n-text-color);
 transition:
 color .3s var(--n-bezier),
 background-color .3s var(--n-bezier);
`,[D("vertical",`
 margin-top: 24px;
 margin-bottom: 24px;
 `,[D("no-title",`
 display: flex;
 align-items: center;
 `)]),w("title",`
 display: flex;
 align-items: center;
 margin-left: 12px;
 margin-right: 12px;
 white-space: nowrap;
 font-weight: var(--n-font-weight);
 `),m("title-position-left",[w("line",[m("left",{width:"28px"})])]),m("title-position-right",[w("line",[m("right",{width:"28px"})])]),m("dashed",[w("line",`
 background-color: #0000;
 height: 0px;
 width: 100%;
 border-style: dashed;
 border-width: 1px 0 0;
 `)]),m("vertical",`
 display: inline-block;
 height: 1em;
 margin: 0 8px;
 vertical-align: middle;
 width: 1px;
 `),w("line",`
 border: none;
 transition: background-color .3s var(--n-bezier), border-color .3s var(--n-bezier);
 height: 1px;
 width: 100%;
 margin: 0;
 `),D("dashed",[w("line",{backgroundColor:"var(--n-color)"})]),m("dashed",[w("line",{borderColor:"var(--n-color)"})]),m("vertical",{backgroundColor:"var(--n-color)"})]);const ue={...O.props,titlePlacement:{type:String,default:"center"},dashed:Boolean,vertical:Boolean};var de=A({name:"Divider",props:ue,setup(c){const{mergedClsPrefixRef:t,inlineThemeDisabled:o}=Q(c),y=O("Divider","-divider",ne,X,c,t),h=T(()=>{const{common:{cubicBezierEaseInOut:u},self:{color:I,textColor:S,fontWeight:k}}=y.value;return{"--n-bezier":u,"--n-color":I,"--n-text-color":S,"--n-font-weight":k}}),a=o?Y("divider",void 0,h,c):void 0;return{mergedClsPrefix:t,cssVars:o?void 0:h,themeClass:a?.themeClass,onRender:a?.onRender}},render(){const{$slots:c,titlePlacement:t,vertical:o,dashed:y,cssVars:h,mergedClsPrefix:a}=this;return this.onRender?.(),n(),b("div",{role:"separator",class:P([`${a}-divider`,this.themeClass,{[`${a}-divider--vertical`]:o,[`${a}-divider--no-title`]:!c.default,[`${a}-divider--dashed`]:y,[`${a}-divider--title-position-${t}`]:c.default&&t}]),style:J(h)},[o?E(()=>null):(n(),b("div",{key:0,class:P(`${a}-divider__line ${a}-divider__line--left`)},null,2)),!o&&c.default?(n(),b(V,{key:2},[z("div",{class:P(`${a}-divider__title`)},[E(()=>this.$slots.default?.())],2),z("div",{class:P(`${a}-divider__line ${a}-divider__line--right`)},null,2)],64)):E(()=>null)],6)}});const pe={class:"page"},ve={class:"top"},ce={class:"muted"},me={class:"stack sso"},fe=A({__name:"LoginView",setup(c){const{t}=Z(),o=ee(),y=le(),h=se(),a=g(""),u=g(""),I=g(""),S=g(""),k=g(""),C=g(!1),p=g(""),U=g(!1),q=T(()=>typeof y.query.error=="string"?y.query.error:"");te(async()=>{await o.loadSignInOptions(),U.value=!0});function H(){const v=y.query.next;return typeof v=="string"&&v.startsWith("/")&&!v.startsWith("//")?v:"/dashboard"}async function K(){p.value="",C.value=!0;try{await o.login(a.value.trim(),u.value),await h.replace(H())}catch(v){p.value=t("login.failed",{message:L(v)})}finally{C.value=!1}}const F=T(()=>!k.value.trim()||!a.value.trim()||!u.value?t("login.required"):u.value.length<8?t("login.passwordShort"):u.value!==I.value?t("login.passwordMismatch"):"");async function j(){if(p.value="",F.value){p.value=F.value;return}C.value=!0;try{await o.setup(k.value.trim(),a.value.trim(),u.value,S.value.trim()),await h.replace("/dashboard")}catch(v){p.value=L(v)}finally{C.value=!1}}return(v,i)=>(n(),b("div",pe,[z("div",ve,[l(oe)]),l(e(ae),{class:"card",title:e(o).needsSetup?e(t)("login.setupTitle"):e(t)("login.title")},{default:r(()=>[z("p",ce,d(e(t)("login.subtitle")),1),q.value?(n(),$(e(R),{key:0,type:"error",class:"gap"},{default:r(()=>[f(d(e(t)("login.ssoError",{code:q.value})),1)]),_:1})):B("",!0),U.value&&e(o).needsSetup?(n(),b(V,{key:1},[z("p",null,d(e(t)("login.setupIntro")),1),l(e(W),{"data-test":"setup-form",onSubmit:M(j,["prevent"])},{default:r(()=>[l(e(x),{label:e(t)("login.accessKey")},{default:r(()=>[l(e(_),{value:k.value,"onUpdate:value":i[0]||(i[0]=s=>k.value=s),type:"password","show-password-on":"click","input-props":{name:"setup-key",autocomplete:"off"}},null,8,["value"])]),_:1},8,["label"]),l(e(x),{label:e(t)("login.username")},{default:r(()=>[l(e(_),{value:a.value,"onUpdate:value":i[1]||(i[1]=s=>a.value=s),"input-props":{name:"setup-user",autocomplete:"username"}},null,8,["value"])]),_:1},8,["label"]),l(e(x),{label:e(t)("login.email")},{default:r(()=>[l(e(_),{value:S.value,"onUpdate:value":i[2]||(i[2]=s=>S.value=s),"input-props":{type:"email",autocomplete:"email"}},null,8,["value"])]),_:1},8,["label"]),l(e(x),{label:e(t)("login.password")},{default:r(()=>[l(e(_),{value:u.value,"onUpdate:value":i[3]||(i[3]=s=>u.value=s),type:"password","input-props":{name:"setup-password",autocomplete:"new-password"}},null,8,["value"])]),_:1},8,["label"]),l(e(x),{label:e(t)("login.passwordRepeat")},{default:r(()=>[l(e(_),{value:I.value,"onUpdate:value":i[4]||(i[4]=s=>I.value=s),type:"password","input-props":{name:"setup-password2",autocomplete:"new-password"}},null,8,["value"])]),_:1},8,["label"]),p.value?(n(),$(e(R),{key:0,type:"error",class:"gap","data-test":"login-error"},{default:r(()=>[f(d(p.value),1)]),_:1})):B("",!0),l(e(N),{type:"primary",block:"","attr-type":"submit",loading:C.value,"data-test":"setup-submit"},{default:r(()=>[f(d(e(t)("login.setupSubmit")),1)]),_:1},8,["loading"])]),_:1})],64)):U.value?(n(),b(V,{key:2},[e(o).signIn.password_login?(n(),$(e(W),{key:0,"data-test":"login-form",onSubmit:M(K,["prevent"])},{default:r(()=>[l(e(x),{label:e(t)("login.username")},{default:r(()=>[l(e(_),{value:a.value,"onUpdate:value":i[5]||(i[5]=s=>a.value=s),"input-props":{name:"login-user",autocomplete:"username"}},null,8,["value"])]),_:1},8,["label"]),l(e(x),{label:e(t)("login.password")},{default:r(()=>[l(e(_),{value:u.value,"onUpdate:value":i[6]||(i[6]=s=>u.value=s),type:"password","show-password-on":"click","input-props":{name:"login-password",autocomplete:"current-password"}},null,8,["value"])]),_:1},8,["label"]),p.value?(n(),$(e(R),{key:0,type:"error",class:"gap","data-test":"login-error"},{default:r(()=>[f(d(p.value),1)]),_:1})):B("",!0),l(e(N),{type:"primary",block:"","attr-type":"submit",loading:C.value,"data-test":"login-submit"},{default:r(()=>[f(d(e(t)("login.submit")),1)]),_:1},8,["loading"])]),_:1})):(n(),$(e(R),{key:1,type:"info"},{default:r(()=>[f(d(e(t)("login.passwordOff")),1)]),_:1})),e(o).signIn.providers.length?(n(),b(V,{key:2},[l(e(de),null,{default:r(()=>[f(d(e(t)("login.or")),1)]),_:1}),z("div",me,[(n(!0),b(V,null,re(e(o).signIn.providers,s=>(n(),$(e(N),{key:s.name,tag:"a",href:s.login_url,block:"",secondary:""},{default:r(()=>[f(d(e(t)("login.ssoWith",{name:s.label||s.name})),1)]),_:2},1032,["href"]))),128))])],64)):B("",!0)],64)):B("",!0)]),_:1},8,["title"])]))}}),Se=ie(fe,[["__scopeId","data-v-4d6f7624"]]);export{Se as default};
