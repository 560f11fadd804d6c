import{c as G,a as E,b as w,d as f,e as O,u as H,o as n,f as h,n as P,g as N,F as V,h as $,i as J,j as Q,k as X,l as Y,m as q,p as Z,q as ee,r as te,s as l,w as o,t as e,C as ae,v as le,x as se,y as d,z as I,A as g,B,D as L,E as T,G as re,H as b}from"./index-0AYua6BM.js";import{A as R,e as W}from"./useLoad-BpGmVZNk.js";import{I as _}from"./Input-_qzSyEcK.js";import{F as A,a as x}from"./FormItem-B3OXov6E.js";import{P as oe}from"./PrefsControls-DzhS44-v.js";import{_ as ie}from"./_plugin-vue_export-helper-xv-J9KQq.js";import"./Suffix-DRYQ0bC9.js";import"./Select-at1TLeNJ.js";import"./cssr-C-fuwc_s.js";import"./use-compitable-B22rUASP.js";import"./Tag-BmbKm0EJ.js";import"./Tooltip-DzsHXTfY.js";var ne=G("divider",`
 position: relative;
 display: flex;
 width: 100%;
 box-sizing: border-box;
 font-size: 16px;
 color: var(--n-text-color);
 transition:
 color .3s var(--n-bezier),
 background-color .3s var(--n-bezier);
`,[E("vertical",`
 margin-top: 24px;
 margin-bottom: 24px;
 `,[E("no-title",`
 display: flex;
 align-items: center;
 `)]),w("title",`
 display: flex;
 align-items: center;
 margin-left: 12px;
 margin-right: 12px;
 white-space: nowrap;
 font-weight: var(--n-font-weight);
 `),f("title-position-left",[w("line",[f("left",{width:"28px"})])]),f("title-position-right",[w("line",[f("right",{width:"28px"})])]),f("dashed",[w("line",`
 background-color: #0000;
 height: 0px;
 width: 100%;
 border-style: dashed;
 border-width: 1px 0 0;
 `)]),f("vertical",`
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
 `),E("dashed",[w("line",{backgroundColor:"var(--n-color)"})]),f("dashed",[w("line",{borderColor:"var(--n-color)"})]),f("vertical",{backgroundColor:"var(--n-color)"})]);const ue={...H.props,titlePlacement:{type:String,default:"center"},dashed:Boolean,vertical:Boolean};var de=O({name:"Divider",props:ue,setup(c){const{mergedClsPrefixRef:t,inlineThemeDisabled:s}=Q(c),y=H("Divider","-divider",ne,X,c,t),m=q(()=>{const{common:{cubicBezierEaseInOut:u},self:{color:z,textColor:S,fontWeight:k}}=y.value;return{"--n-bezier":u,"--n-color":z,"--n-text-color":S,"--n-font-weight":k}}),a=s?Y("divider",void 0,m,c):void 0;return{mergedClsPrefix:t,cssVars:s?void 0:m,themeClass:a?.themeClass,onRender:a?.onRender}},render(){const{$slots:c,titlePlacement:t,vertical:s,dashed:y,cssVars:m,mergedClsPrefix:a}=this;return this.onRender?.(),n(),h("div",{role:"separator",class:P([`${a}-divider`,this.themeClass,{[`${a}-divider--vertical`]:s,[`${a}-divider--no-title`]:!c.default,[`${a}-divider--dashed`]:y,[`${a}-divider--title-position-${t}`]:c.default&&t}]),style:J(m)},[s?N(()=>null):(n(),h("div",{key:0,class:P(`${a}-divider__line ${a}-divider__line--left`)},null,2)),!s&&c.default?(n(),h(V,{key:2},[$("div",{class:P(`${a}-divider__title`)},[N(()=>this.$slots.default?.())],2),$("div",{class:P(`${a}-divider__line ${a}-divider__line--right`)},null,2)],64)):N(()=>null)],6)}});const pe={class:"page"},ve={class:"top"},ce={class:"muted"},me={class:"stack sso"},fe=O({__name:"LoginView",setup(c){const{t}=Z(),s=ee(),y=le(),m=se(),a=b(""),u=b(""),z=b(""),S=b(""),k=b(""),C=b(!1),p=b(""),U=b(!1),D=q(()=>typeof y.query.error=="string"?y.query.error:"");te(async()=>{if(await s.loadSignInOptions(),s.signIn.providers.length&&!D.value&&(await s.check(!0,!0).catch(()=>{}),s.signedIn)){await m.replace(F());return}U.value=!0});function F(){const v=y.query.next;return typeof v=="string"&&v.startsWith("/")&&!v.startsWith("//")?v:"/dashboard"}async function K(){p.value="",C.value=!0;try{await s.login(a.value.trim(),u.value),await m.replace(F())}catch(v){p.value=t("login.failed",{message:W(v)})}finally{C.value=!1}}const M=q(()=>!k.value.trim()||!a.value.trim()||!u.value?t("login.required"):u.value.length<8?t("login.passwordShort"):u.value!==z.value?t("login.passwordMismatch"):"");async function j(){if(p.value="",M.value){p.value=M.value;return}C.value=!0;try{await s.setup(k.value.trim(),a.value.trim(),u.value,S.value.trim()),await m.replace("/dashboard")}catch(v){p.value=W(v)}finally{C.value=!1}}return(v,i)=>(n(),h("div",pe,[$("div",ve,[l(oe)]),l(e(ae),{class:"card",title:e(s).needsSetup?e(t)("login.setupTitle"):e(t)("login.title")},{default:o(()=>[$("p",ce,d(e(t)("login.subtitle")),1),D.value?(n(),I(e(R),{key:0,type:"error",class:"gap"},{default:o(()=>[g(d(e(t)("login.ssoError",{code:D.value})),1)]),_:1})):B("",!0),U.value&&e(s).needsSetup?(n(),h(V,{key:1},[$("p",null,d(e(t)("login.setupIntro")),1),l(e(A),{"data-test":"setup-form",onSubmit:L(j,["prevent"])},{default:o(()=>[l(e(x),{label:e(t)("login.accessKey")},{default:o(()=>[l(e(_),{value:k.value,"onUpdate:value":i[0]||(i[0]=r=>k.value=r),type:"password","show-password-on":"click","input-props":{name:"setup-key",autocomplete:"off"}},null,8,["value"])]),_:1},8,["label"]),l(e(x),{label:e(t)("login.username")},{default:o(()=>[l(e(_),{value:a.value,"onUpdate:value":i[1]||(i[1]=r=>a.value=r),"input-props":{name:"setup-user",autocomplete:"username"}},null,8,["value"])]),_:1},8,["label"]),l(e(x),{label:e(t)("login.email")},{default:o(()=>[l(e(_),{value:S.value,"onUpdate:value":i[2]||(i[2]=r=>S.value=r),"input-props":{type:"email",autocomplete:"email"}},null,8,["value"])]),_:1},8,["label"]),l(e(x),{label:e(t)("login.password")},{default:o(()=>[l(e(_),{value:u.value,"onUpdate:value":i[3]||(i[3]=r=>u.value=r),type:"password","input-props":{name:"setup-password",autocomplete:"new-password"}},null,8,["value"])]),_:1},8,["label"]),l(e(x),{label:e(t)("login.passwordRepeat")},{default:o(()=>[l(e(_),{value:z.value,"onUpdate:value":i[4]||(i[4]=r=>z.value=r),type:"password","input-props":{name:"setup-password2",autocomplete:"new-password"}},null,8,["value"])]),_:1},8,["label"]),p.value?(n(),I(e(R),{key:0,type:"error",class:"gap","data-test":"login-error"},{default:o(()=>[g(d(p.value),1)]),_:1})):B("",!0),l(e(T),{type:"primary",block:"","attr-type":"submit",loading:C.value,"data-test":"setup-submit"},{default:o(()=>[g(d(e(t)("login.setupSubmit")),1)]),_:1},8,["loading"])]),_:1})],64)):U.value?(n(),h(V,{key:2},[e(s).signIn.password_login?(n(),I(e(A),{key:0,"data-test":"login-form",onSubmit:L(K,["prevent"])},{default:o(()=>[l(e(x),{label:e(t)("login.username")},{default:o(()=>[l(e(_),{value:a.value,"onUpdate:value":i[5]||(i[5]=r=>a.value=r),"input-props":{name:"login-user",autocomplete:"username"}},null,8,["value"])]),_:1},8,["label"]),l(e(x),{label:e(t)("login.password")},{default:o(()=>[l(e(_),{value:u.value,"onUpdate:value":i[6]||(i[6]=r=>u.value=r),type:"password","show-password-on":"click","input-props":{name:"login-password",autocomplete:"current-password"}},null,8,["value"])]),_:1},8,["label"]),p.value?(n(),I(e(R),{key:0,type:"error",class:"gap","data-test":"login-error"},{default:o(()=>[g(d(p.value),1)]),_:1})):B("",!0),l(e(T),{type:"primary",block:"","attr-type":"submit",loading:C.value,"data-test":"login-submit"},{default:o(()=>[g(d(e(t)("login.submit")),1)]),_:1},8,["loading"])]),_:1})):(n(),I(e(R),{key:1,type:"info"},{default:o(()=>[g(d(e(t)("login.passwordOff")),1)]),_:1})),e(s).signIn.providers.length?(n(),h(V,{key:2},[l(e(de),null,{default:o(()=>[g(d(e(t)("login.or")),1)]),_:1}),$("div",me,[(n(!0),h(V,null,re(e(s).signIn.providers,r=>(n(),I(e(T),{key:r.name,tag:"a",href:r.login_url,block:"",secondary:""},{default:o(()=>[g(d(e(t)("login.ssoWith",{name:r.label||r.name})),1)]),_:2},1032,["href"]))),128))])],64)):B("",!0)],64)):B("",!0)]),_:1},8,["title"])]))}}),Se=ie(fe,[["__scopeId","data-v-be165e85"]]);export{Se as default};
