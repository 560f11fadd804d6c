function r(o,e="default",n=[]){const t=o.$slots[e];return t===void 0?n:t()}export{r as g};
