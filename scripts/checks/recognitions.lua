-- X5: recognitions against the units they count (criteria-reference §8.3
-- X5: Định Hóa's communes recognised 5 in 2022 + 6 in 2023 + 8 re-confirmed
-- = 19, while the district, recognised NTM for 2023, has 22; the 3
-- advanced communes of 2023 make 22 only if they are not among the 19).
--
-- A unit recognised NTM (a district) needs every unit below it recognised:
-- each commune NTM (or higher), each township a civilised urban area
-- (QĐ 320, preconditions). For each such recognition, the units below that
-- existed that year are counted against their recognitions of that year or
-- before:
-- - error: units below without the recognition they need;
-- - warning: units counted only through a higher title (advanced, model)
--   with no NTM recognition of their own on record: the count holds only
--   if they are not among those recognised NTM.

-- What each level below needs, and the titles that count for it.
local NEEDS = {
  commune = { ["ntm"] = true, ["ntm-reconfirmed"] = true, ["ntm-advanced"] = true,
              ["ntm-model"] = true },
  township = { ["civilised-urban"] = true },
}
-- Titles that count only through a higher standard (they imply NTM).
local HIGHER = { ["ntm-advanced"] = true, ["ntm-model"] = true }

-- The names of a list of units, in the order of the units below (the
-- Vietnamese order of `ntm units`).
local function names(list, rank)
  local t = {}
  for i, u in ipairs(list) do t[i] = u end
  table.sort(t, function(a, b) return rank[a] < rank[b] end)
  return table.concat(t, ", ")
end

rule {
  id = "X5",
  title = "Recognitions against the units they count",
  severity = "error",
  check = function(data)
    for _, top in ipairs(data.recognitions { title = "ntm" }) do
      local year, below = top.year, data.children(top.unit, top.year)
      local level_of, held, rank = {}, {}, {}
      for i, u in ipairs(below) do
        level_of[u.code], held[u.code], rank[u.name] = u.level, {}, i
      end
      -- the recognitions of the units below, that year or before, grouped
      -- by year, title and source for the figures
      local groups = {}
      for _, r in ipairs(data.recognitions { within = top.unit }) do
        local lv = level_of[r.unit]
        if lv and r.year <= year and NEEDS[lv] and NEEDS[lv][r.title] then
          held[r.unit][r.title] = true
          local g = groups[#groups]
          if not (g and g.year == r.year and g.title == r.title and g.source == r.source) then
            g = { year = r.year, title = r.title, source = r.source, units = {} }
            groups[#groups + 1] = g
          end
          table.insert(g.units, r.unit_name)
        end
      end
      local count, missing, implicit, plain = {}, {}, {}, 0
      for _, u in ipairs(below) do
        if NEEDS[u.level] then
          count[u.level] = (count[u.level] or 0) + 1
          local any, direct = false, false
          for t in pairs(held[u.code]) do
            any = true
            direct = direct or not HIGHER[t]
          end
          if not any then missing[#missing + 1] = u.name
          elseif not direct then implicit[#implicit + 1] = u.name
          elseif u.level == "commune" then plain = plain + 1 end
        end
      end
      if #missing > 0 or #implicit > 0 then
        local figures = {
          { what = top.unit_name .. " recognised " .. top.title .. " for " .. year ..
                   (top.decision and (" (" .. top.decision .. ")") or ""), source = top.source },
          { what = "communes of " .. top.unit_name .. " in " .. year, value = count.commune or 0 },
        }
        if count.township then
          figures[#figures + 1] = { what = "townships of " .. top.unit_name .. " in " .. year,
                                    value = count.township }
        end
        local parts = {}
        for _, g in ipairs(groups) do
          figures[#figures + 1] = { what = g.title .. " " .. g.year .. ": " .. names(g.units, rank),
                                    value = #g.units, source = g.source }
          if NEEDS.commune[g.title] and not HIGHER[g.title] then
            parts[#parts + 1] = #g.units .. " " .. g.title .. " " .. g.year
          end
        end
        if #missing > 0 then
          finding {
            unit = top.unit, year = year, figures = figures,
            message = string.format(
              "recognised %s for %d, but %d of the units below %s no recognition that counts by then: %s",
              top.title, year, #missing, #missing == 1 and "holds" or "hold", names(missing, rank)),
          }
        end
        if #implicit > 0 then
          finding {
            unit = top.unit, year = year, severity = "warning", figures = figures,
            message = string.format(
              "%d communes recognised NTM (%s) + %d recognised only above it with no NTM recognition on record (%s) = %d of the %d communes, only if these %d are not among the %d",
              plain, table.concat(parts, " + "), #implicit, names(implicit, rank),
              plain + #implicit, count.commune or 0, #implicit, plain),
          }
        end
      end
    end
  end,
}
