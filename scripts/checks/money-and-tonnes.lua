-- X10: money and tonnes never summed (criteria-reference §8.3 X10: the
-- province's cement, 12,000 t in 2022 and 23,000 t in 2023, is support in
-- kind; funding.csv marks it measure = tonnes, and no money total may
-- count it).
--
-- - error: a funding row in tonnes that is not in-kind support;
-- - error: a stated money total that matches the unit's funding only when
--   the tonnes are added to the money;
-- - warning: a money row (measure mVND) whose source gives tonnes
--   ("500 tấn", "12,000 t", "tonnes"): tonnes recorded as money? (A source
--   may also price the tonnes it names: then the row is right.)

-- Stated totals in million VND that sum the unit's funding (as in rule X1).
local MONEY_TOTALS = { "ntm_resources_total_mvnd" }

-- A gap of at most this share of the total counts as a match (as X1).
local TOLERANCE = 0.01

-- Whether a source gives tonnes: "tấn", "tonne(s)", or a number followed
-- by "t" ("12,000 t,").
local function speaks_of_tonnes(text)
  local lower = text:lower()
  return lower:find("tấn", 1, true) or lower:find("tonne", 1, true) or
         lower:find("%d t[%s,;%.%)]") or lower:find("%d t$")
end

rule {
  id = "X10",
  title = "Money and tonnes never summed",
  severity = "error",
  check = function(data)
    local rows = data.funding()
    for _, f in ipairs(rows) do
      local label = f.fund .. " " .. f.kind .. " " .. f.year
      local figures = { { what = label .. " (" .. f.measure .. ")",
                          value = f.allocated or f.disbursed, source = f.source } }
      if f.measure == "tonnes" and f.kind ~= "in_kind" then
        finding { unit = f.unit, year = f.year, figures = figures,
          message = label .. ": an amount in tonnes that is not in-kind support (kind " .. f.kind .. ")" }
      elseif f.measure == "mVND" and speaks_of_tonnes(f.source) then
        finding { unit = f.unit, year = f.year, figures = figures, severity = "warning",
          message = label .. ": recorded in million VND, but its source gives tonnes; " ..
                    "tonnes are recorded with measure = tonnes and kind = in_kind" }
      end
    end
    for _, name in ipairs(MONEY_TOTALS) do
      for _, t in ipairs(data.figures { variable = name, quarter = 0 }) do
        local money, tonnes, figures = 0, 0, { { what = name, value = t.value, source = t.source } }
        for _, f in ipairs(data.funding { within = t.unit, year = t.year }) do
          local a = f.allocated or f.disbursed
          if a then
            if f.measure == "tonnes" then tonnes = tonnes + a else money = money + a end
            figures[#figures + 1] = { what = f.fund .. " " .. f.kind .. " (" .. f.measure .. ")",
                                      value = a, source = f.source }
          end
        end
        local function near(x) return math.abs(x - t.value) <= TOLERANCE * t.value end
        if tonnes > 0 and near(money + tonnes) and not near(money) then
          finding { unit = t.unit, year = t.year, figures = figures,
            message = string.format("%s %s matches %s million VND plus %s tonnes: the total counts tonnes as money",
              name, data.num(t.value), data.num(money), data.num(tonnes)) }
        end
      end
    end
  end,
}
