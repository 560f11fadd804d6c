import{bq as Ae,br as Fe,V as Te,bs as Me,aB as Ee,b7 as Q,U as he,bg as ee,c as R,d as N,a0 as _,e as D,u as re,bm as ge,K as G,L as W,j as xe,bt as je,l as Se,m,ah as ve,o as l,f as y,n as C,H as F,z as x,g as k,am as te,F as $,b3 as ke,T as Le,O as T,_ as Pe,an as ne,Y as q,h as oe,bu as He,$ as Ue,Z as Ve,bo as qe,a as be,b as z,aq as We,bv as Ge,a7 as pe,aa as K,aJ as A}from"./index-0AYua6BM.js";import{f as Je,h as Xe,i as Ye,B as Ze,r as Qe,p as Re,P as eo,c as oo}from"./Select-at1TLeNJ.js";import{C as no}from"./ChevronRight-CnC_i75B.js";import{h as ye}from"./cssr-C-fuwc_s.js";import{u as to}from"./_plugin-vue_export-helper-xv-J9KQq.js";function ro(e={},o){const r=Ee({ctrl:!1,command:!1,win:!1,shift:!1,tab:!1}),{keydown:n,keyup:i}=e,a=s=>{switch(s.key){case"Control":r.ctrl=!0;break;case"Meta":r.command=!0,r.win=!0;break;case"Shift":r.shift=!0;break;case"Tab":r.tab=!0;break}n!==void 0&&Object.keys(n).forEach(g=>{if(g!==s.key)return;const b=n[g];if(typeof b=="function")b(s);else{const{stop:P=!1,prevent:S=!1}=b;P&&s.stopPropagation(),S&&s.preventDefault(),b.handler(s)}})},d=s=>{switch(s.key){case"Control":r.ctrl=!1;break;case"Meta":r.command=!1,r.win=!1;break;case"Shift":r.shift=!1;break;case"Tab":r.tab=!1;break}i!==void 0&&Object.keys(i).forEach(g=>{if(g!==s.key)return;const b=i[g];if(typeof b=="function")b(s);else{const{stop:P=!1,prevent:S=!1}=b;P&&s.stopPropagation(),S&&s.preventDefault(),b.handler(s)}})},u=()=>{(o===void 0||o.value)&&(Q("keydown",document,a),Q("keyup",document,d)),o!==void 0&&he(o,s=>{s?(Q("keydown",document,a),Q("keyup",document,d)):(ee("keydown",document,a),ee("keyup",document,d))})};return Ae()?(Fe(u),Te(()=>{(o===void 0||o.value)&&(ee("keydown",document,a),ee("keyup",document,d))})):u(),Me(r)}function io(e){return o=>{o?e.value=o.$el:e.value=null}}var ao=R("icon",`
 height: 1em;
 width: 1em;
 line-height: 1em;
 text-align: center;
 display: inline-block;
 position: relative;
 fill: currentColor;
`,[N("color-transition",{transition:"color .3s var(--n-bezier)"}),N("depth",{color:"var(--n-color)"},[_("svg",{opacity:"var(--n-opacity)",transition:"opacity .3s var(--n-bezier)"})]),_("svg",{height:"1em",width:"1em"})]);const so={...re.props,depth:[String,Number],size:[Number,String],color:String,component:[Object,Function]},lo=D({_n_icon__:!0,name:"Icon",inheritAttrs:!1,props:so,setup(e){const{mergedClsPrefixRef:o,inlineThemeDisabled:r}=xe(e),n=re("Icon","-icon",ao,je,e,o),i=m(()=>{const{depth:d}=e,{common:{cubicBezierEaseInOut:u},self:s}=n.value;if(d!==void 0){const{color:g,[`opacity${d}Depth`]:b}=s;return{"--n-bezier":u,"--n-color":g,"--n-opacity":b}}return{"--n-bezier":u,"--n-color":"","--n-opacity":""}}),a=r?Se("icon",m(()=>`${e.depth||"d"}`),i,e):void 0;return{mergedClsPrefix:o,mergedStyle:m(()=>{const{size:d,color:u}=e;return{fontSize:Je(d),color:u}}),cssVars:r?void 0:i,themeClass:a?.themeClass,onRender:a?.onRender}},render(){const{$parent:e,depth:o,mergedClsPrefix:r,component:n,onRender:i,themeClass:a}=this;return e?.$options?._n_icon__&&ge("icon","don't wrap `n-icon` inside `n-icon`"),i?.(),G("i",W(this.$attrs,{role:"img",class:[`${r}-icon`,a,{[`${r}-icon--depth`]:o,[`${r}-icon--color-transition`]:o!==void 0}],style:[this.cssVars,this.mergedStyle]}),n?G(n):this.$slots.default?.())}}),me=ve("n-dropdown-menu"),ie=ve("n-dropdown"),we=ve("n-dropdown-option");var Ne=D({name:"DropdownDivider",props:{clsPrefix:{type:String,required:!0}},render(){return l(),y("div",{class:C(`${this.clsPrefix}-dropdown-divider`)},null,2)}});function fe(e,o){return e.type==="submenu"||e.type===void 0&&e[o]!==void 0}function co(e){return e.type==="group"}function Ce(e){return e.type==="divider"}function uo(e){return e.type==="render"}function po(e,o,r){const n=F(e.value);let i=null;return he(e,a=>{i!==null&&window.clearTimeout(i),a===!0?r&&!r.value?n.value=!0:i=window.setTimeout(()=>{n.value=!0},o):n.value=!1}),n}var Ke=D({name:"DropdownOption",props:{clsPrefix:{type:String,required:!0},tmNode:{type:Object,required:!0},parentKey:{type:[String,Number],default:null},placement:{type:String,default:"right-start"},props:Object,scrollable:Boolean},setup(e){const o=T(ie),{hoverKeyRef:r,keyboardKeyRef:n,lastToggledSubmenuKeyRef:i,pendingKeyPathRef:a,activeKeyPathRef:d,animatedRef:u,mergedShowRef:s,renderLabelRef:g,renderIconRef:b,labelFieldRef:P,childrenFieldRef:S,renderOptionRef:M,nodePropsRef:E,menuPropsRef:I}=o,j=T(we,null),L=T(me),H=T(Pe),Y=m(()=>e.tmNode.rawNode),J=m(()=>{const{value:t}=S;return fe(e.tmNode.rawNode,t)}),ae=m(()=>{const{disabled:t}=e.tmNode;return t}),de=m(()=>{if(!J.value)return!1;const{key:t,disabled:c}=e.tmNode;if(c)return!1;const{value:w}=r,{value:O}=n,{value:ue}=i,{value:B}=a;return w!==null?B.includes(t):O!==null?B.includes(t)&&B[B.length-1]!==t:ue!==null?B.includes(t):!1}),se=m(()=>n.value===null&&!u.value),le=po(de,300,se),ce=m(()=>!!j?.enteringSubmenuRef.value),U=F(!1);q(we,{enteringSubmenuRef:U});function V(){U.value=!0}function Z(){U.value=!1}function X(){const{parentKey:t,tmNode:c}=e;c.disabled||s.value&&(i.value=t,n.value=null,r.value=c.key)}function p(){const{tmNode:t}=e;t.disabled||s.value&&r.value!==t.key&&X()}function f(t){if(e.tmNode.disabled||!s.value)return;const{relatedTarget:c}=t;c&&!ye({target:c},"dropdownOption")&&!ye({target:c},"scrollbarRail")&&(r.value=null)}function v(){const{value:t}=J,{tmNode:c}=e;s.value&&!t&&!c.disabled&&(o.doSelect(c.key,c.rawNode),o.doUpdateShow(!1))}return{labelField:P,renderLabel:g,renderIcon:b,siblingHasIcon:L.showIconRef,siblingHasSubmenu:L.hasSubmenuRef,menuProps:I,popoverBody:H,animated:u,mergedShowSubmenu:m(()=>le.value&&!ce.value),rawNode:Y,hasSubmenu:J,pending:ne(()=>{const{value:t}=a,{key:c}=e.tmNode;return t.includes(c)}),childActive:ne(()=>{const{value:t}=d,{key:c}=e.tmNode,w=t.findIndex(O=>c===O);return w===-1?!1:w<t.length-1}),active:ne(()=>{const{value:t}=d,{key:c}=e.tmNode,w=t.findIndex(O=>c===O);return w===-1?!1:w===t.length-1}),mergedDisabled:ae,renderOption:M,nodeProps:E,handleClick:v,handleMouseMove:p,handleMouseEnter:X,handleMouseLeave:f,handleSubmenuBeforeEnter:V,handleSubmenuAfterEnter:Z}},render(){const{animated:e,rawNode:o,mergedShowSubmenu:r,clsPrefix:n,siblingHasIcon:i,siblingHasSubmenu:a,renderLabel:d,renderIcon:u,renderOption:s,nodeProps:g,props:b,scrollable:P}=this;let S=null;if(r){const j=this.menuProps?.(o,o.children);S=(L=>(l(),x(Ie,W({key:1},j,{clsPrefix:n,scrollable:this.scrollable,tmNodes:this.tmNode.children,parentKey:this.tmNode.key}),null,16,["clsPrefix","scrollable","tmNodes","parentKey"])))()}const M={class:[`${n}-dropdown-option-body`,this.pending&&`${n}-dropdown-option-body--pending`,this.active&&`${n}-dropdown-option-body--active`,this.childActive&&`${n}-dropdown-option-body--child-active`,this.mergedDisabled&&`${n}-dropdown-option-body--disabled`],onMousemove:this.handleMouseMove,onMouseenter:this.handleMouseEnter,onMouseleave:this.handleMouseLeave,onClick:this.handleClick},E=g?.(o),I=(l(),y("div",W({class:[`${n}-dropdown-option`,E?.class],"data-dropdown-option":!0},E),[k(()=>G("div",W(M,b),[(l(),y("div",{class:C([`${n}-dropdown-option-body__prefix`,i&&`${n}-dropdown-option-body__prefix--show-icon`])},[k(()=>[u?u(o):te(o.icon)])],2)),(l(),y("div",{"data-dropdown-option":!0,class:C(`${n}-dropdown-option-body__label`)},[d?(l(),y($,{key:0},[k(()=>d(o))],64)):(l(),y($,{key:1},[k(()=>te(o[this.labelField]??o.title))],64))],2)),(l(),y("div",{"data-dropdown-option":!0,class:C([`${n}-dropdown-option-body__suffix`,a&&`${n}-dropdown-option-body__suffix--has-submenu`])},[this.hasSubmenu?(l(),x(lo,{key:0},{_:1,default:ke(()=>(l(),x(no)))})):k(()=>null)],2))])),this.hasSubmenu?(l(),x(Ze,{key:0},{default:()=>[(l(),x(Xe,null,{default:()=>(l(),y("div",{class:C(`${n}-dropdown-offset-container`)},[(l(),x(Ye,{show:this.mergedShowSubmenu,placement:this.placement,to:P&&this.popoverBody||void 0,teleportDisabled:!P},{default:()=>(l(),y("div",{class:C(`${n}-dropdown-menu-wrapper`)},[e?(l(),x(Le,{key:0,onBeforeEnter:this.handleSubmenuBeforeEnter,onAfterEnter:this.handleSubmenuAfterEnter,name:"fade-in-scale-up-transition",appear:!0},{default:()=>S},1032,["onBeforeEnter","onAfterEnter"])):(l(),y($,{key:1},[k(()=>S)],64))],2))},1032,["show","placement","to","teleportDisabled"]))],2))},1024))]},1024)):k(()=>null)],16));return s?s({node:I,option:o}):I}}),fo=D({name:"DropdownGroupHeader",props:{clsPrefix:{type:String,required:!0},tmNode:{type:Object,required:!0}},setup(){const{showIconRef:e,hasSubmenuRef:o}=T(me),{renderLabelRef:r,labelFieldRef:n,nodePropsRef:i,renderOptionRef:a}=T(ie);return{labelField:n,showIcon:e,hasSubmenu:o,renderLabel:r,nodeProps:i,renderOption:a}},render(){const{clsPrefix:e,hasSubmenu:o,showIcon:r,nodeProps:n,renderLabel:i,renderOption:a}=this,{rawNode:d}=this.tmNode,u=(l(),y("div",W({class:`${e}-dropdown-option`},n?.(d)),[oe("div",{class:C(`${e}-dropdown-option-body ${e}-dropdown-option-body--group`)},[oe("div",{"data-dropdown-option":!0,class:C([`${e}-dropdown-option-body__prefix`,r&&`${e}-dropdown-option-body__prefix--show-icon`])},[k(()=>te(d.icon))],2),oe("div",{class:C(`${e}-dropdown-option-body__label`),"data-dropdown-option":!0},[i?(l(),y($,{key:0},[k(()=>i(d))],64)):(l(),y($,{key:1},[k(()=>te(d.title??d[this.labelField]))],64))],2),oe("div",{class:C([`${e}-dropdown-option-body__suffix`,o&&`${e}-dropdown-option-body__suffix--has-submenu`]),"data-dropdown-option":!0},null,2)],2)],16));return a?a({node:u,option:d}):u}}),ho=D({name:"NDropdownGroup",props:{clsPrefix:{type:String,required:!0},tmNode:{type:Object,required:!0},parentKey:{type:[String,Number],default:null}},render(){const{tmNode:e,parentKey:o,clsPrefix:r}=this,{children:n}=e;return l(),y($,null,[(l(),x(fo,{clsPrefix:r,tmNode:e,key:e.key},null,8,["clsPrefix","tmNode"])),k(()=>n?.map(i=>{const{rawNode:a}=i;return a.show===!1?null:Ce(a)?G(Ne,{clsPrefix:r,key:i.key}):i.isGroup?(ge("dropdown","`group` node is not allowed to be put in `group` node."),null):(l(),x(Ke,{clsPrefix:r,tmNode:i,parentKey:o,key:i.key},null,8,["clsPrefix","tmNode","parentKey"]))}))],64)}}),vo=D({name:"DropdownRenderOption",props:{tmNode:{type:Object,required:!0}},render(){const{rawNode:{render:e,props:o}}=this.tmNode;return G("div",o,[e?.()])}}),Ie=D({name:"DropdownMenu",props:{scrollable:Boolean,showArrow:Boolean,arrowStyle:[String,Object],clsPrefix:{type:String,required:!0},tmNodes:{type:Array,default:()=>[]},parentKey:{type:[String,Number],default:null}},setup(e){const{renderIconRef:o,childrenFieldRef:r}=T(ie);q(me,{showIconRef:m(()=>{const i=o.value;return e.tmNodes.some(a=>{if(a.isGroup)return a.children?.some(({rawNode:u})=>i?i(u):u.icon);const{rawNode:d}=a;return i?i(d):d.icon})}),hasSubmenuRef:m(()=>{const{value:i}=r;return e.tmNodes.some(a=>{if(a.isGroup)return a.children?.some(({rawNode:u})=>fe(u,i));const{rawNode:d}=a;return fe(d,i)})})});const n=F(null);return q(Ue,null),q(Ve,null),q(Pe,n),{bodyRef:n}},render(){const{parentKey:e,clsPrefix:o,scrollable:r}=this,n=this.tmNodes.map(i=>{const{rawNode:a}=i;return a.show===!1?null:uo(a)?(l(),x(vo,{tmNode:i,key:i.key},null,8,["tmNode"])):Ce(a)?(l(),x(Ne,{clsPrefix:o,key:i.key},null,8,["clsPrefix"])):co(a)?(l(),x(ho,{clsPrefix:o,tmNode:i,parentKey:e,key:i.key},null,8,["clsPrefix","tmNode","parentKey"])):(l(),x(Ke,{clsPrefix:o,tmNode:i,parentKey:e,key:i.key,props:a.props,scrollable:r},null,8,["clsPrefix","tmNode","parentKey","props","scrollable"]))});return l(),y("div",{class:C([`${o}-dropdown-menu`,r&&`${o}-dropdown-menu--scrollable`]),ref:"bodyRef"},[r?(l(),x(He,{key:0,contentClass:`${o}-dropdown-menu__content`},{default:()=>n},1032,["contentClass"])):(l(),y($,{key:1},[k(()=>n)],64)),this.showArrow?(l(),y($,{key:2},[k(()=>Qe({clsPrefix:o,arrowStyle:this.arrowStyle,arrowClass:void 0,arrowWrapperClass:void 0,arrowWrapperStyle:void 0}))],64)):k(()=>null)],2)}}),mo=R("dropdown-menu",`
 transform-origin: var(--v-transform-origin);
 background-color: var(--n-color);
 border-radius: var(--n-border-radius);
 box-shadow: var(--n-box-shadow);
 position: relative;
 transition:
 background-color .3s var(--n-bezier),
 box-shadow .3s var(--n-bezier);
`,[qe(),R("dropdown-option",`
 position: relative;
 `,[_("a",`
 text-decoration: none;
 color: inherit;
 outline: none;
 `,[_("&::before",`
 content: "";
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 `)]),R("dropdown-option-body",`
 display: flex;
 cursor: pointer;
 position: relative;
 height: var(--n-option-height);
 line-height: var(--n-option-height);
 font-size: var(--n-font-size);
 color: var(--n-option-text-color);
 transition: color .3s var(--n-bezier);
 `,[_("&::before",`
 content: "";
 position: absolute;
 top: 0;
 bottom: 0;
 left: 4px;
 right: 4px;
 transition: background-color .3s var(--n-bezier);
 border-radius: var(--n-border-radius);
 `),be("disabled",[N("pending",`
 color: var(--n-option-text-color-hover);
 `,[z("prefix, suffix",`
 color: var(--n-option-text-color-hover);
 `),_("&::before","background-color: var(--n-option-color-hover);")]),N("active",`
 color: var(--n-option-text-color-active);
 `,[z("prefix, suffix",`
 color: var(--n-option-text-color-active);
 `),_("&::before","background-color: var(--n-option-color-active);")]),N("child-active",`
 color: var(--n-option-text-color-child-active);
 `,[z("prefix, suffix",`
 color: var(--n-option-text-color-child-active);
 `)])]),N("disabled",`
 cursor: not-allowed;
 opacity: var(--n-option-opacity-disabled);
 `),N("group",`
 font-size: calc(var(--n-font-size) - 1px);
 color: var(--n-group-header-text-color);
 `,[z("prefix",`
 width: calc(var(--n-option-prefix-width) / 2);
 `,[N("show-icon",`
 width: calc(var(--n-option-icon-prefix-width) / 2);
 `)])]),z("prefix",`
 width: var(--n-option-prefix-width);
 display: flex;
 justify-content: center;
 align-items: center;
 color: var(--n-prefix-color);
 transition: color .3s var(--n-bezier);
 z-index: 1;
 `,[N("show-icon",`
 width: var(--n-option-icon-prefix-width);
 `),R("icon",`
 font-size: var(--n-option-icon-size);
 `)]),z("label",`
 white-space: nowrap;
 flex: 1;
 z-index: 1;
 `),z("suffix",`
 box-sizing: border-box;
 flex-grow: 0;
 flex-shrink: 0;
 display: flex;
 justify-content: flex-end;
 align-items: center;
 min-width: var(--n-option-suffix-width);
 padding: 0 8px;
 transition: color .3s var(--n-bezier);
 color: var(--n-suffix-color);
 z-index: 1;
 `,[N("has-submenu",`
 width: var(--n-option-icon-suffix-width);
 `),R("icon",`
 font-size: var(--n-option-icon-size);
 `)]),R("dropdown-menu","pointer-events: all;")]),R("dropdown-offset-container",`
 pointer-events: none;
 position: absolute;
 left: 0;
 right: 0;
 top: -4px;
 bottom: -4px;
 `)]),R("dropdown-divider",`
 transition: background-color .3s var(--n-bezier);
 background-color: var(--n-divider-color);
 height: 1px;
 margin: 4px 0;
 `),R("dropdown-menu-wrapper",`
 transform-origin: var(--v-transform-origin);
 width: fit-content;
 `),_(">",[R("scrollbar",`
 height: inherit;
 max-height: inherit;
 `)]),be("scrollable",`
 padding: var(--n-padding);
 `),N("scrollable",[z("content",`
 padding: var(--n-padding);
 `)])]);const bo={animated:{type:Boolean,default:!0},keyboard:{type:Boolean,default:!0},size:String,inverted:Boolean,placement:{type:String,default:"bottom"},onSelect:[Function,Array],options:{type:Array,default:()=>[]},menuProps:Function,showArrow:Boolean,renderLabel:Function,renderIcon:Function,renderOption:Function,nodeProps:Function,labelField:{type:String,default:"label"},keyField:{type:String,default:"key"},childrenField:{type:String,default:"children"},value:[String,Number]},yo=Object.keys(Re),wo={...Re,...bo,...re.props};var Ro=D({name:"Dropdown",inheritAttrs:!1,props:wo,setup(e){const o=F(!1),r=to(K(e,"show"),o),n=m(()=>{const{keyField:p,childrenField:f}=e;return oo(e.options,{getKey(v){return v[p]},getDisabled(v){return v.disabled===!0},getIgnored(v){return v.type==="divider"||v.type==="render"},getChildren(v){return v[f]}})}),i=m(()=>n.value.treeNodes),a=F(null),d=F(null),u=F(null),s=m(()=>a.value??d.value??u.value??null),g=m(()=>n.value.getPath(s.value).keyPath),b=m(()=>n.value.getPath(e.value).keyPath),P=ne(()=>e.keyboard&&r.value);ro({keydown:{ArrowUp:{prevent:!0,handler:se},ArrowRight:{prevent:!0,handler:de},ArrowDown:{prevent:!0,handler:le},ArrowLeft:{prevent:!0,handler:ae},Enter:{prevent:!0,handler:ce},Escape:J}},P);const{mergedClsPrefixRef:S,inlineThemeDisabled:M,mergedComponentPropsRef:E}=xe(e),I=m(()=>e.size||E?.value?.Dropdown?.size||"medium"),j=re("Dropdown","-dropdown",mo,Ge,e,S);q(ie,{labelFieldRef:K(e,"labelField"),childrenFieldRef:K(e,"childrenField"),renderLabelRef:K(e,"renderLabel"),renderIconRef:K(e,"renderIcon"),hoverKeyRef:a,keyboardKeyRef:d,lastToggledSubmenuKeyRef:u,pendingKeyPathRef:g,activeKeyPathRef:b,animatedRef:K(e,"animated"),mergedShowRef:r,nodePropsRef:K(e,"nodeProps"),renderOptionRef:K(e,"renderOption"),menuPropsRef:K(e,"menuProps"),doSelect:L,doUpdateShow:H}),he(r,p=>{!e.animated&&!p&&Y()});function L(p,f){const{onSelect:v}=e;v&&pe(v,p,f)}function H(p){const{"onUpdate:show":f,onUpdateShow:v}=e;f&&pe(f,p),v&&pe(v,p),o.value=p}function Y(){a.value=null,d.value=null,u.value=null}function J(){H(!1)}function ae(){V("left")}function de(){V("right")}function se(){V("up")}function le(){V("down")}function ce(){const p=U();p?.isLeaf&&r.value&&(L(p.key,p.rawNode),H(!1))}function U(){const{value:p}=n,{value:f}=s;return!p||f===null?null:p.getNode(f)??null}function V(p){const{value:f}=s,{value:{getFirstAvailableNode:v}}=n;let t=null;if(f===null){const c=v();c!==null&&(t=c.key)}else{const c=U();if(c){let w;switch(p){case"down":w=c.getNext();break;case"up":w=c.getPrev();break;case"right":w=c.getChild();break;case"left":w=c.getParent()}w&&(t=w.key)}}t!==null&&(a.value=null,d.value=t)}const Z=m(()=>{const{inverted:p}=e,f=I.value,{common:{cubicBezierEaseInOut:v},self:t}=j.value,{padding:c,dividerColor:w,borderRadius:O,optionOpacityDisabled:ue,[A("optionIconSuffixWidth",f)]:B,[A("optionSuffixWidth",f)]:ze,[A("optionIconPrefixWidth",f)]:_e,[A("optionPrefixWidth",f)]:$e,[A("fontSize",f)]:De,[A("optionHeight",f)]:Oe,[A("optionIconSize",f)]:Be}=t,h={"--n-bezier":v,"--n-font-size":De,"--n-padding":c,"--n-border-radius":O,"--n-option-height":Oe,"--n-option-prefix-width":$e,"--n-option-icon-prefix-width":_e,"--n-option-suffix-width":ze,"--n-option-icon-suffix-width":B,"--n-option-icon-size":Be,"--n-divider-color":w,"--n-option-opacity-disabled":ue};return p?(h["--n-color"]=t.colorInverted,h["--n-option-color-hover"]=t.optionColorHoverInverted,h["--n-option-color-active"]=t.optionColorActiveInverted,h["--n-option-text-color"]=t.optionTextColorInverted,h["--n-option-text-color-hover"]=t.optionTextColorHoverInverted,h["--n-option-text-color-active"]=t.optionTextColorActiveInverted,h["--n-option-text-color-child-active"]=t.optionTextColorChildActiveInverted,h["--n-prefix-color"]=t.prefixColorInverted,h["--n-suffix-color"]=t.suffixColorInverted,h["--n-group-header-text-color"]=t.groupHeaderTextColorInverted):(h["--n-color"]=t.color,h["--n-option-color-hover"]=t.optionColorHover,h["--n-option-color-active"]=t.optionColorActive,h["--n-option-text-color"]=t.optionTextColor,h["--n-option-text-color-hover"]=t.optionTextColorHover,h["--n-option-text-color-active"]=t.optionTextColorActive,h["--n-option-text-color-child-active"]=t.optionTextColorChildActive,h["--n-prefix-color"]=t.prefixColor,h["--n-suffix-color"]=t.suffixColor,h["--n-group-header-text-color"]=t.groupHeaderTextColor),h}),X=M?Se("dropdown",m(()=>`${I.value[0]}${e.inverted?"i":""}`),Z,e):void 0;return{mergedClsPrefix:S,mergedTheme:j,mergedSize:I,tmNodes:i,mergedShow:r,handleAfterLeave:()=>{e.animated&&Y()},doUpdateShow:H,cssVars:M?void 0:Z,themeClass:X?.themeClass,onRender:X?.onRender}},render(){const e=(n,i,a,d,u)=>{const{mergedClsPrefix:s,menuProps:g}=this;this.onRender?.();const b=g?.(void 0,this.tmNodes.map(S=>S.rawNode))||{},P={ref:io(i),class:[n,`${s}-dropdown`,`${s}-dropdown--${this.mergedSize}-size`,this.themeClass],clsPrefix:s,tmNodes:this.tmNodes,style:[...a,this.cssVars],showArrow:this.showArrow,arrowStyle:this.arrowStyle,scrollable:this.scrollable,onMouseenter:d,onMouseleave:u};return G(Ie,W(this.$attrs,P,b))},{mergedTheme:o}=this,r={show:this.mergedShow,theme:o.peers.Popover,themeOverrides:o.peerOverrides.Popover,internalOnAfterLeave:this.handleAfterLeave,internalRenderBody:e,onUpdateShow:this.doUpdateShow,"onUpdate:show":void 0};return l(),x(eo,We(this.$props,yo,r),{_:1,trigger:ke(()=>this.$slots.default?.())},16)}});export{Ro as D,io as c};
