-- dinh-hoa-2024.lua - Định Hóa's 2024 envelope and targets (seed A, the
-- district report of 14/03/2024, §III) as scenarios, and what they do to the
-- communes against the commune, advanced and model sets.
--
--   ntm run scripts/dinh-hoa-2024.lua [DISTRICT] [RATE] --out plots
--
-- RATE is the share of the envelope disbursed (default 0.87, as the central
-- budget in 2023: 64,651 of 74,324 million VND).
-- Scenarios written (rebuilt on every run; the base data is not touched):
--   dh-2024-base  the communes' 2023 figures carried into 2024
--   dh-2024-plan  the 2024 envelope (central 27,135, provincial 16,246 and
--                 sponsorship 17,700 million VND) and the plan's targets:
--                 model hamlets in Sơn Phú (4), Kim Phượng (4), Phú Đình (2)
-- File written under --out: dinh-hoa-2024.csv, one row per commune and set.

local d = ntm.unit(args[1] or "Định Hóa")
local rate = tonumber(args[2] or "0.87")
if not rate or rate <= 0 or rate > 1 then error("RATE is a share between 0 and 1, e.g. 0.87") end
local SEED = "seed A (Định Hóa report 14/03/2024) "

-- 1. the baseline: each commune's 2023 figures carried into 2024
ntm.scenario("dh-2024-base", { note = "2023 figures of the communes carried into 2024" })
local vars, carried = ntm.variables(), 0
local communes = {}
for _, code in ipairs(d.children) do
  local u = ntm.unit(code)
  if u.level == "commune" then
    communes[#communes + 1] = u
    for var in pairs(vars) do
      local f = ntm.figures(var, code)
      if f[2023] ~= nil and f[2024] == nil then
        ntm.set_figure("dh-2024-base", code, var, 2024, f[2023], "carried from 2023")
        carried = carried + 1
      end
    end
  end
end

-- 2. the plan: the envelope, disbursed at RATE, and the targets
ntm.scenario("dh-2024-plan", { base = "dh-2024-base", note = "Định Hóa plan 2024 (seed A §III)" })
local envelope = {
  { fund = "central", amount = 27135, where = "§III.3.4: NSTW, QĐ 7889/QĐ-UBND 29/12/2023" },
  { fund = "province", amount = 16246, where = "§III.3.4: provincial budget" },
  { fund = "sponsor", amount = 17700, where = "§III.3.4: sponsorship for the 'NTM by 2023' scheme" },
}
local total = 0
for _, e in ipairs(envelope) do
  ntm.add_funding("dh-2024-plan", { unit = d.code, year = 2024, fund = e.fund, allocated = e.amount,
    disbursed = e.amount * rate, note = SEED .. e.where })
  total = total + e.amount
end
local targets = { ["Sơn Phú"] = 4, ["Kim Phượng"] = 4, ["Phú Đình"] = 2 }
for name, n in pairs(targets) do
  local u = ntm.unit(name)
  local have = ntm.figures("model_villages_count", u.code)[2023] or 0
  ntm.set_figure("dh-2024-plan", u.code, "model_villages_count", 2024, have + n,
    SEED .. "§III.2: model hamlets targeted in 2024")
end

-- 3. the communes under each set, before and after
local sets = { "vn-318-commune", "vn-318-advanced-commune", "vn-319-model-commune" }
local rows = {}
print(string.format("%s, 2024: envelope %d million VND, %d disbursed at %g %%; %d figures carried from 2023",
  d.name, total, math.floor(total * rate + 0.5), rate * 100, carried))
for _, set in ipairs(sets) do
  local before = ntm.evaluate(set, d.code, 2024, "dh-2024-base")
  local after = ntm.evaluate(set, d.code, 2024, "dh-2024-plan")
  local met0, met1, crit0, crit1 = 0, 0, 0, 0
  for i, r in ipairs(before) do
    local a = after[i]
    met0 = met0 + (r.status == "met" and 1 or 0)
    met1 = met1 + (a.status == "met" and 1 or 0)
    crit0, crit1 = crit0 + r.criteria_met, crit1 + a.criteria_met
    rows[#rows + 1] = { set = set, commune = r.name, status_before = r.status, status_after = a.status,
      criteria_before = r.criteria_met, criteria_after = a.criteria_met }
  end
  print(string.format("  %-26s communes meeting %d -> %d of %d; criteria met %d -> %d",
    set, met0, met1, #before, crit0, crit1))
end
print(ntm.write_csv("dinh-hoa-2024.csv", rows,
  { "set", "commune", "status_before", "status_after", "criteria_before", "criteria_after" }))
