-- wrk: POST /api/views as distinct readers. Kiji trusts 127.0.0.1 as its proxy, so each request's
-- X-Forwarded-For address is a new reader (a new visitor: nothing is a repeat, the full record
-- path runs); User-Agents come from a small set of real browsers, as in real traffic.
-- The same script drives nginx, so both pay the same Lua and header cost.
local n = 0
local body = '{"articleId": ' .. (os.getenv("ARTICLE_ID") or "1") .. '}'
local agents = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; SO-51E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
}
-- Each wrk thread (and each run) draws its own addresses: with Lua's default seed every thread
-- and every run repeated the same sequence, so most beacons were repeats of an earlier one.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end
function init(args)
  math.randomseed(os.time() * 64 + (thread_id or 0))
end
request = function()
  n = n + 1
  local headers = {}
  headers["Content-Type"] = "text/plain;charset=UTF-8"
  headers["User-Agent"] = agents[(n % #agents) + 1]
  headers["X-Forwarded-For"] = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format("POST", "/api/views", headers, body)
end
