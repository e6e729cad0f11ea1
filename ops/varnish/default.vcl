# Varnish in front of the Køge map's tiles (issue #18). Start it as
#   varnishd -a :6081 -f /etc/varnish/default.vcl -s malloc,256m
# with nginx (ops/nginx/koege.conf) in front of it and behind it:
#   browser → nginx :8080 ─┬─ /tiles/ → Varnish :6081 → nginx :8082 → app instances (round robin)
#                          │            (Varnish down: nginx sends /tiles/ straight to the instances)
#                          └─ everything else → app instances
# The app sends BAN to Varnish after each write (TILE_CACHE_BAN_URLS=http://127.0.0.1:6081/).
vcl 4.1;

import std;

# The app instances, behind nginx's internal listener, which balances them and knows which are alive.
backend app {
  .host = "127.0.0.1";
  .port = "8082";
  .connect_timeout = 2s;
  .first_byte_timeout = 30s;
  .between_bytes_timeout = 10s;
}

# Who may ban: the app instances.
acl banners {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "BAN") {
    if (client.ip !~ banners) {
      return (synth(405, "Not allowed"));
    }
    # The unversioned aliases of every tile (no `v=`): their content changes with a write. A versioned URL names
    # one layer version and never changes, so it is never banned; a write bumps the version and the next
    # /api/layers hands out new URLs. The ban is evaluated lazily, against x-url kept on each object.
    ban("obj.http.x-url ~ ^/tiles/ && obj.http.x-url !~ [?&]v=");
    return (synth(200, "Banned"));
  }

  if (req.url ~ "^/tiles/") {
    if (req.method != "GET" && req.method != "HEAD") {
      return (pass);
    }
    # Tiles read no cookie: one object per URL for everyone, never one per visitor.
    unset req.http.Cookie;
    unset req.http.Authorization;
    # One object per URL for every site as well (no `Vary: Origin` fragments): the app answers as to a same-origin
    # request, and vcl_deliver adds CORS for the origins allowed below.
    if (req.http.Origin) {
      set req.http.X-Koege-Origin = req.http.Origin;
      unset req.http.Origin;
    }
    return (hash);
  }

  if (req.url ~ "^/api/") {
    # Written: never cached.
    if (req.method != "GET" && req.method != "HEAD") {
      return (pass);
    }
    # Personalised: a logged-in session, or a session that just wrote and must read its own write
    # (koege_lsn routes its reads to where the write is visible).
    if (req.http.Cookie ~ "(^|;\s*)koege_(session|lsn)=" || req.http.Authorization) {
      return (pass);
    }
    # Other cookies mean nothing to the API; anonymous answers are cached as their Cache-Control says.
    unset req.http.Cookie;
  }
  # Everything else: Varnish's built-in rules (pass with cookies or Authorization; cache by Cache-Control).
}

sub vcl_backend_response {
  # Kept on the object for the lazy ban above; removed before delivery.
  set beresp.http.x-url = bereq.url;

  # A response that sets a cookie is someone's: never stored (a short hit-for-miss, so requests are not queued).
  if (beresp.http.Set-Cookie) {
    set beresp.uncacheable = true;
    set beresp.ttl = 30s;
    return (deliver);
  }
  # Without Cache-Control or Expires the app has not said it may be cached: it may not (no default TTL guesses).
  if (!beresp.http.Cache-Control && !beresp.http.Expires) {
    set beresp.uncacheable = true;
    set beresp.ttl = 30s;
    return (deliver);
  }

  if (bereq.url ~ "^/tiles/") {
    # The app varies tiles by Accept-Encoding (Varnish normalises that itself); drop any Origin from Vary.
    if (beresp.http.Vary) {
      set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,)\s*origin\s*(?=,|$)", "");
      set beresp.http.Vary = regsub(beresp.http.Vary, "^\s*,\s*", "");
      if (beresp.http.Vary == "") {
        unset beresp.http.Vary;
      }
    }
    unset beresp.http.Access-Control-Allow-Origin;
    # An expired unversioned tile is revalidated with If-None-Match (the app's ETag names the layer version),
    # so an unchanged layer costs a 304 from the app, not a re-render.
    set beresp.keep = 1h;
  }
  return (deliver);
}

sub vcl_deliver {
  if (req.url ~ "^/tiles/" && req.http.X-Koege-Origin) {
    # Keep in step with the app's CORS_ORIGINS; this default allows none.
    if (req.http.X-Koege-Origin ~ "^https://kort\.example\.dk$") {
      set resp.http.Access-Control-Allow-Origin = req.http.X-Koege-Origin;
    }
  }
  unset resp.http.x-url;
  if (obj.hits > 0) {
    set resp.http.X-Cache = "hit";
  } else {
    set resp.http.X-Cache = "miss";
  }
}
