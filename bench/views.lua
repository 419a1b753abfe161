-- wrk: POST /api/views as distinct readers (a new User-Agent per request, so nothing is a repeat
-- and the full record path runs). The same script drives nginx, so both pay the same Lua cost.
local n = 0
local body = '{"articleId": ' .. (os.getenv("ARTICLE_ID") or "1") .. '}'
request = function()
  n = n + 1
  local headers = {}
  headers["Content-Type"] = "text/plain;charset=UTF-8"
  headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 wrk/" .. n .. "-" .. tostring(math.random(1000000000))
  return wrk.format("POST", "/api/views", headers, body)
end
