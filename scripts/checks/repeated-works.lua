-- X2: the same work counted in two years (criteria-reference §8.3 X2:
-- Quảng Giao's signs and speed bumps, the playground of thôn 4, the
-- kindergarten repair and the cultural house of thôn Việt Trung are 2023
-- investment and again 2024 work).
--
-- Two works of projects.csv are taken for one when they are of the same
-- unit, in different years, their names share most of their words
-- (compared without diacritics, case or punctuation) and their costs are
-- close. The later one is reported.

-- The words of the shorter name found in the other, at least this share
-- of them (0.8: four words of five)...
local NAME_OVERLAP = 0.8
-- ... and at least this many words in common.
local MIN_COMMON = 2
-- The costs differ by at most this share of the larger (10 %).
local COST_TOLERANCE = 0.10
-- Words that say nothing of the work ("và", "của", "đến", "đi", ...).
local STOP = { va = true, cua = true, cac = true, tai = true, den = true, di = true,
               tu = true, voi = true }

local function words(data, name)
  local set, n = {}, 0
  for w in data.fold(name):gmatch("%w+") do
    if not STOP[w] and not set[w] then set[w] = true; n = n + 1 end
  end
  return set, n
end

-- Whether two names are the same work: the share of the shorter name's
-- words in the other, and the number in common.
local function same_name(a, na, b, nb)
  if na > nb then a, na, b, nb = b, nb, a, na end
  local common = 0
  for w in pairs(a) do if b[w] then common = common + 1 end end
  return na > 0 and common >= MIN_COMMON and common >= NAME_OVERLAP * na
end

local function when(p)
  return p.quarter > 0 and (p.year .. " Q" .. p.quarter) or tostring(p.year)
end

rule {
  id = "X2",
  title = "The same work counted in two years",
  severity = "warning",
  check = function(data)
    local by_unit, units = {}, {}
    for _, p in ipairs(data.projects()) do
      if p.cost then
        if not by_unit[p.unit] then by_unit[p.unit] = {}; units[#units + 1] = p.unit end
        p.words, p.nwords = words(data, p.name)
        table.insert(by_unit[p.unit], p)
      end
    end
    for _, u in ipairs(units) do
      local ps = by_unit[u]
      for i = 1, #ps do
        for j = 1, #ps do
          local a, b = ps[i], ps[j]
          if a.year < b.year and same_name(a.words, a.nwords, b.words, b.nwords)
             and math.abs(a.cost - b.cost) <= COST_TOLERANCE * math.max(a.cost, b.cost) then
            finding {
              unit = b.unit, year = b.year,
              message = string.format(
                "'%s': %s million VND in %s (%s), %s in %s (%s), %s %% apart: the same work counted in two years?",
                b.name, data.num(a.cost), when(a), a.status, data.num(b.cost), when(b), b.status,
                data.num(100 * math.abs(a.cost - b.cost) / math.max(a.cost, b.cost), 1)),
              figures = {
                { what = a.name .. " (" .. when(a) .. ", " .. a.status .. ")", value = a.cost, source = a.source },
                { what = b.name .. " (" .. when(b) .. ", " .. b.status .. ")", value = b.cost, source = b.source },
              },
            }
          end
        end
      end
    end
  end,
}
