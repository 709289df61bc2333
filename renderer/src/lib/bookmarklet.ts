/**
 * A `javascript:` bookmark that hands the replay page the user is looking at to orcw. It only
 * navigates to an orcw:// link (the OS asks before opening the app) and never reads page data
 * beyond its own address. The player keeps the current moment in `?jumpto=`, which rides along.
 */
export function buildBookmarklet(): string {
  const code = [
    '(function(){',
    "var h=location.href.split('#')[0];",
    "if(!/\\/session\\/\\d+/.test(location.pathname)){alert('orcw: open an OpenReplay replay page first.');return;}",
    "location.href='orcw://open?url='+encodeURIComponent(h);",
    '})();',
  ].join('');
  return `javascript:${code}`;
}
