-- Fixed-window rate limit, atomic in Redis so every server instance shares one exact count.
-- KEYS[1]: the subject's counter (a hash: window start, count)
-- ARGV[1]: window length in ms; ARGV[2]: requests allowed per window;
-- ARGV[3] (optional, default 1): permits wanted at once; as many as are left are granted, up to that.
-- Returns {permits granted (0 when refused), requests counted in this window, window end (ms), now (ms)},
-- all by Redis's clock. Refused requests are not counted.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3] or '1')
local start = now - (now % window)
local stored = redis.call('HMGET', KEYS[1], 'start', 'count')
local count = 0
if stored[1] and tonumber(stored[1]) == start then
  count = tonumber(stored[2])
end
local granted = math.min(wanted, limit - count)
if granted > 0 then
  count = count + granted
  redis.call('HSET', KEYS[1], 'start', start, 'count', count)
  redis.call('PEXPIRE', KEYS[1], window * 2)
else
  granted = 0
end
return {granted, count, start + window, now}
