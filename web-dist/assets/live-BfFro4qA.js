import{bt as Fe,bu as Ee,o as Le,bv as je,bw as He,aO as ee,w as he,b1 as oe,e as O,at as qe,k as W,c as I,d as K,t as A,u as re,H as Se,a0 as J,G as X,m as Pe,bx as Ve,q as Re,r as y,s as ve,f as c,h as g,n as z,z as $,S as P,j as N,au as te,F,aR as Ne,T as Ue,i as H,aa as Ce,av as ne,y as G,by as We,ab as Ge,a9 as Xe,b8 as Je,a as be,b as T,ax as Ye,bz as Ze,ah as pe,D as M,I as j,bA as Qe,bs as eo}from"./index-C5zr68Ca.js";import{f as oo,t as no,v as to,B as ro,h as ye,w as io,p as _e,P as so,u as ao,c as lo}from"./_plugin-vue_export-helper-DvYTjNhh.js";function co(e={},o){const n=He({ctrl:!1,command:!1,win:!1,shift:!1,tab:!1}),{keydown:t,keyup:r}=e,i=d=>{switch(d.key){case"Control":n.ctrl=!0;break;case"Meta":n.command=!0,n.win=!0;break;case"Shift":n.shift=!0;break;case"Tab":n.tab=!0;break}t!==void 0&&Object.keys(t).forEach(w=>{if(w!==d.key)return;const p=t[w];if(typeof p=="function")p(d);else{const{stop:R=!1,prevent:x=!1}=p;R&&d.stopPropagation(),x&&d.preventDefault(),p.handler(d)}})},l=d=>{switch(d.key){case"Control":n.ctrl=!1;break;case"Meta":n.command=!1,n.win=!1;break;case"Shift":n.shift=!1;break;case"Tab":n.tab=!1;break}r!==void 0&&Object.keys(r).forEach(w=>{if(w!==d.key)return;const p=r[w];if(typeof p=="function")p(d);else{const{stop:R=!1,prevent:x=!1}=p;R&&d.stopPropagation(),x&&d.preventDefault(),p.handler(d)}})},a=()=>{(o===void 0||o.value)&&(ee("keydown",document,i),ee("keyup",document,l)),o!==void 0&&he(o,d=>{d?(ee("keydown",document,i),ee("keyup",document,l)):(oe("keydown",document,i),oe("keyup",document,l))})};return Fe()?(Ee(a),Le(()=>{(o===void 0||o.value)&&(oe("keydown",document,i),oe("keyup",document,l))})):a(),je(n)}var uo=O({name:"ChevronRight",render(){return(()=>{const e=qe("6ab04425f4fcb756");return e[0]||(e[0]=W("svg",{viewBox:"0 0 16 16",fill:"none",xmlns:"http://www.w3.org/2000/svg"},[W("path",{d:"M5.64645 3.14645C5.45118 3.34171 5.45118 3.65829 5.64645 3.85355L9.79289 8L5.64645 12.1464C5.45118 12.3417 5.45118 12.6583 5.64645 12.8536C5.84171 13.0488 6.15829 13.0488 6.35355 12.8536L10.8536 8.35355C11.0488 8.15829 11.0488 7.84171 10.8536 7.64645L6.35355 3.14645C6.15829 2.95118 5.84171 2.95118 5.64645 3.14645Z",fill:"currentColor"})],-1))})()}});function po(e){return o=>{o?e.value=o.$el:e.value=null}}var fo=I("icon",`
 height: 1em;
 width: 1em;
 line-height: 1em;
 text-align: center;
 display: inline-block;
 position: relative;
 fill: currentColor;
`,[K("color-transition",{transition:"color .3s var(--n-bezier)"}),K("depth",{color:"var(--n-color)"},[A("svg",{opacity:"var(--n-opacity)",transition:"opacity .3s var(--n-bezier)"})]),A("svg",{height:"1em",width:"1em"})]);const ho={...re.props,depth:[String,Number],size:[Number,String],color:String,component:[Object,Function]},vo=O({_n_icon__:!0,name:"Icon",inheritAttrs:!1,props:ho,setup(e){const{mergedClsPrefixRef:o,inlineThemeDisabled:n}=Pe(e),t=re("Icon","-icon",fo,Ve,e,o),r=y(()=>{const{depth:l}=e,{common:{cubicBezierEaseInOut:a},self:d}=t.value;if(l!==void 0){const{color:w,[`opacity${l}Depth`]:p}=d;return{"--n-bezier":a,"--n-color":w,"--n-opacity":p}}return{"--n-bezier":a,"--n-color":"","--n-opacity":""}}),i=n?Re("icon",y(()=>`${e.depth||"d"}`),r,e):void 0;return{mergedClsPrefix:o,mergedStyle:y(()=>{const{size:l,color:a}=e;return{fontSize:oo(l),color:a}}),cssVars:n?void 0:r,themeClass:i?.themeClass,onRender:i?.onRender}},render(){const{$parent:e,depth:o,mergedClsPrefix:n,component:t,onRender:r,themeClass:i}=this;return e?.$options?._n_icon__&&Se("icon","don't wrap `n-icon` inside `n-icon`"),r?.(),J("i",X(this.$attrs,{role:"img",class:[`${n}-icon`,i,{[`${n}-icon--depth`]:o,[`${n}-icon--color-transition`]:o!==void 0}],style:[this.cssVars,this.mergedStyle]}),t?J(t):this.$slots.default?.())}}),me=ve("n-dropdown-menu"),ie=ve("n-dropdown"),we=ve("n-dropdown-option");var Ie=O({name:"DropdownDivider",props:{clsPrefix:{type:String,required:!0}},render(){return c(),g("div",{class:z(`${this.clsPrefix}-dropdown-divider`)},null,2)}});function fe(e,o){return e.type==="submenu"||e.type===void 0&&e[o]!==void 0}function mo(e){return e.type==="group"}function Ke(e){return e.type==="divider"}function bo(e){return e.type==="render"}function yo(e,o,n){const t=$(e.value);let r=null;return he(e,i=>{r!==null&&window.clearTimeout(r),i===!0?n&&!n.value?t.value=!0:r=window.setTimeout(()=>{t.value=!0},o):t.value=!1}),t}var ze=O({name:"DropdownOption",props:{clsPrefix:{type:String,required:!0},tmNode:{type:Object,required:!0},parentKey:{type:[String,Number],default:null},placement:{type:String,default:"right-start"},props:Object,scrollable:Boolean},setup(e){const o=H(ie),{hoverKeyRef:n,keyboardKeyRef:t,lastToggledSubmenuKeyRef:r,pendingKeyPathRef:i,activeKeyPathRef:l,animatedRef:a,mergedShowRef:d,renderLabelRef:w,renderIconRef:p,labelFieldRef:R,childrenFieldRef:x,renderOptionRef:B,nodePropsRef:f,menuPropsRef:S}=o,_=H(we,null),C=H(me),D=H(Ce),q=y(()=>e.tmNode.rawNode),Y=y(()=>{const{value:s}=x;return fe(e.tmNode.rawNode,s)}),se=y(()=>{const{disabled:s}=e.tmNode;return s}),ae=y(()=>{if(!Y.value)return!1;const{key:s,disabled:u}=e.tmNode;if(u)return!1;const{value:k}=n,{value:E}=t,{value:ue}=r,{value:L}=i;return k!==null?L.includes(s):E!==null?L.includes(s)&&L[L.length-1]!==s:ue!==null?L.includes(s):!1}),de=y(()=>t.value===null&&!a.value),le=yo(ae,300,de),ce=y(()=>!!_?.enteringSubmenuRef.value),V=$(!1);G(we,{enteringSubmenuRef:V});function U(){V.value=!0}function Q(){V.value=!1}function Z(){const{parentKey:s,tmNode:u}=e;u.disabled||d.value&&(r.value=s,t.value=null,n.value=u.key)}function h(){const{tmNode:s}=e;s.disabled||d.value&&n.value!==s.key&&Z()}function v(s){if(e.tmNode.disabled||!d.value)return;const{relatedTarget:u}=s;u&&!ye({target:u},"dropdownOption")&&!ye({target:u},"scrollbarRail")&&(n.value=null)}function b(){const{value:s}=Y,{tmNode:u}=e;d.value&&!s&&!u.disabled&&(o.doSelect(u.key,u.rawNode),o.doUpdateShow(!1))}return{labelField:R,renderLabel:w,renderIcon:p,siblingHasIcon:C.showIconRef,siblingHasSubmenu:C.hasSubmenuRef,menuProps:S,popoverBody:D,animated:a,mergedShowSubmenu:y(()=>le.value&&!ce.value),rawNode:q,hasSubmenu:Y,pending:ne(()=>{const{value:s}=i,{key:u}=e.tmNode;return s.includes(u)}),childActive:ne(()=>{const{value:s}=l,{key:u}=e.tmNode,k=s.findIndex(E=>u===E);return k===-1?!1:k<s.length-1}),active:ne(()=>{const{value:s}=l,{key:u}=e.tmNode,k=s.findIndex(E=>u===E);return k===-1?!1:k===s.length-1}),mergedDisabled:se,renderOption:B,nodeProps:f,handleClick:b,handleMouseMove:h,handleMouseEnter:Z,handleMouseLeave:v,handleSubmenuBeforeEnter:U,handleSubmenuAfterEnter:Q}},render(){const{animated:e,rawNode:o,mergedShowSubmenu:n,clsPrefix:t,siblingHasIcon:r,siblingHasSubmenu:i,renderLabel:l,renderIcon:a,renderOption:d,nodeProps:w,props:p,scrollable:R}=this;let x=null;if(n){const _=this.menuProps?.(o,o.children);x=(C=>(c(),P($e,X({key:1},_,{clsPrefix:t,scrollable:this.scrollable,tmNodes:this.tmNode.children,parentKey:this.tmNode.key}),null,16,["clsPrefix","scrollable","tmNodes","parentKey"])))()}const B={class:[`${t}-dropdown-option-body`,this.pending&&`${t}-dropdown-option-body--pending`,this.active&&`${t}-dropdown-option-body--active`,this.childActive&&`${t}-dropdown-option-body--child-active`,this.mergedDisabled&&`${t}-dropdown-option-body--disabled`],onMousemove:this.handleMouseMove,onMouseenter:this.handleMouseEnter,onMouseleave:this.handleMouseLeave,onClick:this.handleClick},f=w?.(o),S=(c(),g("div",X({class:[`${t}-dropdown-option`,f?.class],"data-dropdown-option":!0},f),[N(()=>J("div",X(B,p),[(c(),g("div",{class:z([`${t}-dropdown-option-body__prefix`,r&&`${t}-dropdown-option-body__prefix--show-icon`])},[N(()=>[a?a(o):te(o.icon)])],2)),(c(),g("div",{"data-dropdown-option":!0,class:z(`${t}-dropdown-option-body__label`)},[l?(c(),g(F,{key:0},[N(()=>l(o))],64)):(c(),g(F,{key:1},[N(()=>te(o[this.labelField]??o.title))],64))],2)),(c(),g("div",{"data-dropdown-option":!0,class:z([`${t}-dropdown-option-body__suffix`,i&&`${t}-dropdown-option-body__suffix--has-submenu`])},[this.hasSubmenu?(c(),P(vo,{key:0},{_:1,default:Ne(()=>(c(),P(uo)))})):N(()=>null)],2))])),this.hasSubmenu?(c(),P(ro,{key:0},{default:()=>[(c(),P(no,null,{default:()=>(c(),g("div",{class:z(`${t}-dropdown-offset-container`)},[(c(),P(to,{show:this.mergedShowSubmenu,placement:this.placement,to:R&&this.popoverBody||void 0,teleportDisabled:!R},{default:()=>(c(),g("div",{class:z(`${t}-dropdown-menu-wrapper`)},[e?(c(),P(Ue,{key:0,onBeforeEnter:this.handleSubmenuBeforeEnter,onAfterEnter:this.handleSubmenuAfterEnter,name:"fade-in-scale-up-transition",appear:!0},{default:()=>x},1032,["onBeforeEnter","onAfterEnter"])):(c(),g(F,{key:1},[N(()=>x)],64))],2))},1032,["show","placement","to","teleportDisabled"]))],2))},1024))]},1024)):N(()=>null)],16));return d?d({node:S,option:o}):S}}),wo=O({name:"DropdownGroupHeader",props:{clsPrefix:{type:String,required:!0},tmNode:{type:Object,required:!0}},setup(){const{showIconRef:e,hasSubmenuRef:o}=H(me),{renderLabelRef:n,labelFieldRef:t,nodePropsRef:r,renderOptionRef:i}=H(ie);return{labelField:t,showIcon:e,hasSubmenu:o,renderLabel:n,nodeProps:r,renderOption:i}},render(){const{clsPrefix:e,hasSubmenu:o,showIcon:n,nodeProps:t,renderLabel:r,renderOption:i}=this,{rawNode:l}=this.tmNode,a=(c(),g("div",X({class:`${e}-dropdown-option`},t?.(l)),[W("div",{class:z(`${e}-dropdown-option-body ${e}-dropdown-option-body--group`)},[W("div",{"data-dropdown-option":!0,class:z([`${e}-dropdown-option-body__prefix`,n&&`${e}-dropdown-option-body__prefix--show-icon`])},[N(()=>te(l.icon))],2),W("div",{class:z(`${e}-dropdown-option-body__label`),"data-dropdown-option":!0},[r?(c(),g(F,{key:0},[N(()=>r(l))],64)):(c(),g(F,{key:1},[N(()=>te(l.title??l[this.labelField]))],64))],2),W("div",{class:z([`${e}-dropdown-option-body__suffix`,o&&`${e}-dropdown-option-body__suffix--has-submenu`]),"data-dropdown-option":!0},null,2)],2)],16));return i?i({node:a,option:l}):a}}),go=O({name:"NDropdownGroup",props:{clsPrefix:{type:String,required:!0},tmNode:{type:Object,required:!0},parentKey:{type:[String,Number],default:null}},render(){const{tmNode:e,parentKey:o,clsPrefix:n}=this,{children:t}=e;return c(),g(F,null,[(c(),P(wo,{clsPrefix:n,tmNode:e,key:e.key},null,8,["clsPrefix","tmNode"])),N(()=>t?.map(r=>{const{rawNode:i}=r;return i.show===!1?null:Ke(i)?J(Ie,{clsPrefix:n,key:r.key}):r.isGroup?(Se("dropdown","`group` node is not allowed to be put in `group` node."),null):(c(),P(ze,{clsPrefix:n,tmNode:r,parentKey:o,key:r.key},null,8,["clsPrefix","tmNode","parentKey"]))}))],64)}}),xo=O({name:"DropdownRenderOption",props:{tmNode:{type:Object,required:!0}},render(){const{rawNode:{render:e,props:o}}=this.tmNode;return J("div",o,[e?.()])}}),$e=O({name:"DropdownMenu",props:{scrollable:Boolean,showArrow:Boolean,arrowStyle:[String,Object],clsPrefix:{type:String,required:!0},tmNodes:{type:Array,default:()=>[]},parentKey:{type:[String,Number],default:null}},setup(e){const{renderIconRef:o,childrenFieldRef:n}=H(ie);G(me,{showIconRef:y(()=>{const r=o.value;return e.tmNodes.some(i=>{if(i.isGroup)return i.children?.some(({rawNode:a})=>r?r(a):a.icon);const{rawNode:l}=i;return r?r(l):l.icon})}),hasSubmenuRef:y(()=>{const{value:r}=n;return e.tmNodes.some(i=>{if(i.isGroup)return i.children?.some(({rawNode:a})=>fe(a,r));const{rawNode:l}=i;return fe(l,r)})})});const t=$(null);return G(Ge,null),G(Xe,null),G(Ce,t),{bodyRef:t}},render(){const{parentKey:e,clsPrefix:o,scrollable:n}=this,t=this.tmNodes.map(r=>{const{rawNode:i}=r;return i.show===!1?null:bo(i)?(c(),P(xo,{tmNode:r,key:r.key},null,8,["tmNode"])):Ke(i)?(c(),P(Ie,{clsPrefix:o,key:r.key},null,8,["clsPrefix"])):mo(i)?(c(),P(go,{clsPrefix:o,tmNode:r,parentKey:e,key:r.key},null,8,["clsPrefix","tmNode","parentKey"])):(c(),P(ze,{clsPrefix:o,tmNode:r,parentKey:e,key:r.key,props:i.props,scrollable:n},null,8,["clsPrefix","tmNode","parentKey","props","scrollable"]))});return c(),g("div",{class:z([`${o}-dropdown-menu`,n&&`${o}-dropdown-menu--scrollable`]),ref:"bodyRef"},[n?(c(),P(We,{key:0,contentClass:`${o}-dropdown-menu__content`},{default:()=>t},1032,["contentClass"])):(c(),g(F,{key:1},[N(()=>t)],64)),this.showArrow?(c(),g(F,{key:2},[N(()=>io({clsPrefix:o,arrowStyle:this.arrowStyle,arrowClass:void 0,arrowWrapperClass:void 0,arrowWrapperStyle:void 0}))],64)):N(()=>null)],2)}}),ko=I("dropdown-menu",`
 transform-origin: var(--v-transform-origin);
 background-color: var(--n-color);
 border-radius: var(--n-border-radius);
 box-shadow: var(--n-box-shadow);
 position: relative;
 transition:
 background-color .3s var(--n-bezier),
 box-shadow .3s var(--n-bezier);
`,[Je(),I("dropdown-option",`
 position: relative;
 `,[A("a",`
 text-decoration: none;
 color: inherit;
 outline: none;
 `,[A("&::before",`
 content: "";
 position: absolute;
 left: 0;
 right: 0;
 top: 0;
 bottom: 0;
 `)]),I("dropdown-option-body",`
 display: flex;
 cursor: pointer;
 position: relative;
 height: var(--n-option-height);
 line-height: var(--n-option-height);
 font-size: var(--n-font-size);
 color: var(--n-option-text-color);
 transition: color .3s var(--n-bezier);
 `,[A("&::before",`
 content: "";
 position: absolute;
 top: 0;
 bottom: 0;
 left: 4px;
 right: 4px;
 transition: background-color .3s var(--n-bezier);
 border-radius: var(--n-border-radius);
 `),be("disabled",[K("pending",`
 color: var(--n-option-text-color-hover);
 `,[T("prefix, suffix",`
 color: var(--n-option-text-color-hover);
 `),A("&::before","background-color: var(--n-option-color-hover);")]),K("active",`
 color: var(--n-option-text-color-active);
 `,[T("prefix, suffix",`
 color: var(--n-option-text-color-active);
 `),A("&::before","background-color: var(--n-option-color-active);")]),K("child-active",`
 color: var(--n-option-text-color-child-active);
 `,[T("prefix, suffix",`
 color: var(--n-option-text-color-child-active);
 `)])]),K("disabled",`
 cursor: not-allowed;
 opacity: var(--n-option-opacity-disabled);
 `),K("group",`
 font-size: calc(var(--n-font-size) - 1px);
 color: var(--n-group-header-text-color);
 `,[T("prefix",`
 width: calc(var(--n-option-prefix-width) / 2);
 `,[K("show-icon",`
 width: calc(var(--n-option-icon-prefix-width) / 2);
 `)])]),T("prefix",`
 width: var(--n-option-prefix-width);
 display: flex;
 justify-content: center;
 align-items: center;
 color: var(--n-prefix-color);
 transition: color .3s var(--n-bezier);
 z-index: 1;
 `,[K("show-icon",`
 width: var(--n-option-icon-prefix-width);
 `),I("icon",`
 font-size: var(--n-option-icon-size);
 `)]),T("label",`
 white-space: nowrap;
 flex: 1;
 z-index: 1;
 `),T("suffix",`
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
 `,[K("has-submenu",`
 width: var(--n-option-icon-suffix-width);
 `),I("icon",`
 font-size: var(--n-option-icon-size);
 `)]),I("dropdown-menu","pointer-events: all;")]),I("dropdown-offset-container",`
 pointer-events: none;
 position: absolute;
 left: 0;
 right: 0;
 top: -4px;
 bottom: -4px;
 `)]),I("dropdown-divider",`
 transition: background-color .3s var(--n-bezier);
 background-color: var(--n-divider-color);
 height: 1px;
 margin: 4px 0;
 `),I("dropdown-menu-wrapper",`
 transform-origin: var(--v-transform-origin);
 width: fit-content;
 `),A(">",[I("scrollbar",`
 height: inherit;
 max-height: inherit;
 `)]),be("scrollable",`
 padding: var(--n-padding);
 `),K("scrollable",[T("content",`
 padding: var(--n-padding);
 `)])]);const So={animated:{type:Boolean,default:!0},keyboard:{type:Boolean,default:!0},size:String,inverted:Boolean,placement:{type:String,default:"bottom"},onSelect:[Function,Array],options:{type:Array,default:()=>[]},menuProps:Function,showArrow:Boolean,renderLabel:Function,renderIcon:Function,renderOption:Function,nodeProps:Function,labelField:{type:String,default:"label"},keyField:{type:String,default:"key"},childrenField:{type:String,default:"children"},value:[String,Number]},Po=Object.keys(_e),Ro={..._e,...So,...re.props};var zo=O({name:"Dropdown",inheritAttrs:!1,props:Ro,setup(e){const o=$(!1),n=ao(M(e,"show"),o),t=y(()=>{const{keyField:h,childrenField:v}=e;return lo(e.options,{getKey(b){return b[h]},getDisabled(b){return b.disabled===!0},getIgnored(b){return b.type==="divider"||b.type==="render"},getChildren(b){return b[v]}})}),r=y(()=>t.value.treeNodes),i=$(null),l=$(null),a=$(null),d=y(()=>i.value??l.value??a.value??null),w=y(()=>t.value.getPath(d.value).keyPath),p=y(()=>t.value.getPath(e.value).keyPath),R=ne(()=>e.keyboard&&n.value);co({keydown:{ArrowUp:{prevent:!0,handler:de},ArrowRight:{prevent:!0,handler:ae},ArrowDown:{prevent:!0,handler:le},ArrowLeft:{prevent:!0,handler:se},Enter:{prevent:!0,handler:ce},Escape:Y}},R);const{mergedClsPrefixRef:x,inlineThemeDisabled:B,mergedComponentPropsRef:f}=Pe(e),S=y(()=>e.size||f?.value?.Dropdown?.size||"medium"),_=re("Dropdown","-dropdown",ko,Ze,e,x);G(ie,{labelFieldRef:M(e,"labelField"),childrenFieldRef:M(e,"childrenField"),renderLabelRef:M(e,"renderLabel"),renderIconRef:M(e,"renderIcon"),hoverKeyRef:i,keyboardKeyRef:l,lastToggledSubmenuKeyRef:a,pendingKeyPathRef:w,activeKeyPathRef:p,animatedRef:M(e,"animated"),mergedShowRef:n,nodePropsRef:M(e,"nodeProps"),renderOptionRef:M(e,"renderOption"),menuPropsRef:M(e,"menuProps"),doSelect:C,doUpdateShow:D}),he(n,h=>{!e.animated&&!h&&q()});function C(h,v){const{onSelect:b}=e;b&&pe(b,h,v)}function D(h){const{"onUpdate:show":v,onUpdateShow:b}=e;v&&pe(v,h),b&&pe(b,h),o.value=h}function q(){i.value=null,l.value=null,a.value=null}function Y(){D(!1)}function se(){U("left")}function ae(){U("right")}function de(){U("up")}function le(){U("down")}function ce(){const h=V();h?.isLeaf&&n.value&&(C(h.key,h.rawNode),D(!1))}function V(){const{value:h}=t,{value:v}=d;return!h||v===null?null:h.getNode(v)??null}function U(h){const{value:v}=d,{value:{getFirstAvailableNode:b}}=t;let s=null;if(v===null){const u=b();u!==null&&(s=u.key)}else{const u=V();if(u){let k;switch(h){case"down":k=u.getNext();break;case"up":k=u.getPrev();break;case"right":k=u.getChild();break;case"left":k=u.getParent()}k&&(s=k.key)}}s!==null&&(i.value=null,l.value=s)}const Q=y(()=>{const{inverted:h}=e,v=S.value,{common:{cubicBezierEaseInOut:b},self:s}=_.value,{padding:u,dividerColor:k,borderRadius:E,optionOpacityDisabled:ue,[j("optionIconSuffixWidth",v)]:L,[j("optionSuffixWidth",v)]:De,[j("optionIconPrefixWidth",v)]:Me,[j("optionPrefixWidth",v)]:Oe,[j("fontSize",v)]:Be,[j("optionHeight",v)]:Te,[j("optionIconSize",v)]:Ae}=s,m={"--n-bezier":b,"--n-font-size":Be,"--n-padding":u,"--n-border-radius":E,"--n-option-height":Te,"--n-option-prefix-width":Oe,"--n-option-icon-prefix-width":Me,"--n-option-suffix-width":De,"--n-option-icon-suffix-width":L,"--n-option-icon-size":Ae,"--n-divider-color":k,"--n-option-opacity-disabled":ue};return h?(m["--n-color"]=s.colorInverted,m["--n-option-color-hover"]=s.optionColorHoverInverted,m["--n-option-color-active"]=s.optionColorActiveInverted,m["--n-option-text-color"]=s.optionTextColorInverted,m["--n-option-text-color-hover"]=s.optionTextColorHoverInverted,m["--n-option-text-color-active"]=s.optionTextColorActiveInverted,m["--n-option-text-color-child-active"]=s.optionTextColorChildActiveInverted,m["--n-prefix-color"]=s.prefixColorInverted,m["--n-suffix-color"]=s.suffixColorInverted,m["--n-group-header-text-color"]=s.groupHeaderTextColorInverted):(m["--n-color"]=s.color,m["--n-option-color-hover"]=s.optionColorHover,m["--n-option-color-active"]=s.optionColorActive,m["--n-option-text-color"]=s.optionTextColor,m["--n-option-text-color-hover"]=s.optionTextColorHover,m["--n-option-text-color-active"]=s.optionTextColorActive,m["--n-option-text-color-child-active"]=s.optionTextColorChildActive,m["--n-prefix-color"]=s.prefixColor,m["--n-suffix-color"]=s.suffixColor,m["--n-group-header-text-color"]=s.groupHeaderTextColor),m}),Z=B?Re("dropdown",y(()=>`${S.value[0]}${e.inverted?"i":""}`),Q,e):void 0;return{mergedClsPrefix:x,mergedTheme:_,mergedSize:S,tmNodes:r,mergedShow:n,handleAfterLeave:()=>{e.animated&&q()},doUpdateShow:D,cssVars:B?void 0:Q,themeClass:Z?.themeClass,onRender:Z?.onRender}},render(){const e=(t,r,i,l,a)=>{const{mergedClsPrefix:d,menuProps:w}=this;this.onRender?.();const p=w?.(void 0,this.tmNodes.map(x=>x.rawNode))||{},R={ref:po(r),class:[t,`${d}-dropdown`,`${d}-dropdown--${this.mergedSize}-size`,this.themeClass],clsPrefix:d,tmNodes:this.tmNodes,style:[...i,this.cssVars],showArrow:this.showArrow,arrowStyle:this.arrowStyle,scrollable:this.scrollable,onMouseenter:l,onMouseleave:a};return J($e,X(this.$attrs,R,p))},{mergedTheme:o}=this,n={show:this.mergedShow,theme:o.peers.Popover,themeOverrides:o.peerOverrides.Popover,internalOnAfterLeave:this.handleAfterLeave,internalRenderBody:e,onUpdateShow:this.doUpdateShow,"onUpdate:show":void 0};return c(),P(so,Ye(this.$props,Po,n),{_:1,trigger:Ne(()=>this.$slots.default?.())},16)}});class ge{constructor(o,n){this.bucketMs=o,this.buckets=n,this.sums=new Map,this.counts=new Map}bucket(o){return Math.floor(o/this.bucketMs)*this.bucketMs}add(o,n=1){const t=this.bucket(o);this.sums.set(t,(this.sums.get(t)??0)+n),this.counts.set(t,(this.counts.get(t)??0)+1),this.prune(o)}prune(o){const n=this.bucket(o)-(this.buckets-1)*this.bucketMs;for(const t of this.sums.keys())t<n&&(this.sums.delete(t),this.counts.delete(t))}points(o,n="sum"){const t=this.bucket(o),r=[];for(let i=this.buckets-1;i>=0;i--){const l=t-i*this.bucketMs,a=this.sums.get(l)??0,d=this.counts.get(l)??0;r.push({t:l,v:n==="avg"?d?a/d:0:a})}return r}}function $o(e,o,n){if(!e.length)return{d:"",max:0};const t=Math.max(...e.map(a=>a.v),0),r=a=>t>0?n-a/t*n:n,i=e.length>1?o/(e.length-1):0;return{d:e.map((a,d)=>`${d?"L":"M"}${(d*i).toFixed(1)},${r(a.v).toFixed(1)}`).join(" "),max:t}}const xe=1e4,ke=30,No=200;function Co(e){const o=e.data;if(!o||typeof o!="object")return null;const n=o.entry??o.record??o.request??o;return typeof n.status=="number"&&typeof n.started_at_ms=="number"?n:null}function _o(e,o){if(e&&e!=="message")return e;const n=o,t=n&&typeof n=="object"?n.type??n.kind??n.event:null;return typeof t=="string"?t:"message"}const Do=Qe("live",()=>{const e=$(!1),o=eo([]),n=new ge(xe,ke),t=new ge(xe,ke),r=$(0),i=$(0),l=$(0);let a=null;const d=new Set;function w(f){n.add(f.started_at_ms||Date.now()),t.add(f.started_at_ms||Date.now(),f.latency_ms);const S=[f,...o.value.filter(_=>_.id!==f.id)];o.value=S.slice(0,No),r.value++}function p(f,S){let _=S;try{_=JSON.parse(S)}catch{}const C={type:_o(f,_),data:_},D=Co(C);D&&!C.type.startsWith("key")?w(D):C.type.startsWith("key")?i.value++:(C.type.startsWith("reload")||C.type.startsWith("config"))&&l.value++;for(const q of d)q(C)}function R(){if(!(a||typeof EventSource>"u")){a=new EventSource("/api/events"),a.onopen=()=>e.value=!0,a.onerror=()=>e.value=!1,a.onmessage=f=>p("message",f.data);for(const f of["request","record","key","key_state","reload","config"])a.addEventListener(f,S=>p(f,S.data))}}function x(){a?.close(),a=null,e.value=!1}function B(f){return d.add(f),()=>d.delete(f)}return{connected:e,recent:o,requests:n,latency:t,tick:r,keyTick:i,reloadTick:l,connect:R,disconnect:x,subscribe:B,dispatch:p}});export{uo as C,zo as D,po as c,$o as l,Do as u};
