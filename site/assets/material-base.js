/* Material for MkDocs 9.x: the inline script of partials/javascripts/base.html, as a file so that
 * the Rules Center's Content Security Policy allows no inline script. Loaded synchronously in
 * <head>, before Material's bundle, which uses these globals. Its one template value, the scope
 * (base_url), comes in the script element's data-md-scope. Re-check when upgrading Material. */
__md_scope=new URL(document.currentScript.getAttribute("data-md-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
