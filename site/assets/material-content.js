/* Material for MkDocs 9.x: the inline scripts of partials/javascripts/content.html, as a file so
 * that the Rules Center's Content Security Policy allows no inline script. Loaded synchronously
 * right after the page content, as they were. The first runs only with the content.tabs.link
 * feature (the script element then has data-md-tabs-link). Re-check when upgrading Material. */
if(document.currentScript.hasAttribute("data-md-tabs-link")){var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}}
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
