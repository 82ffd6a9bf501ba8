# Every way a figure enters is checked alike: import, `ntm scenario set` and
# the scenario functions of scripts (set_figure, add_figure, add_project,
# add_funding) share the importer's field checks. An option given twice is
# refused, not silently the last.
$ cp -r $T/* . && $NTM --db t.db import variables.csv units.csv observations.csv > /dev/null && $NTM --db t.db scenario create plan
> created scenario plan

# scripts: a year of 2^32 + 2023 is not 2023
$ printf 'ntm.set_figure("plan", "TN-DH-BAOCUONG", "road_village_total_km", (1 << 32) + 2023, 41)\n' > s.lua && $NTM --db t.db run s.lua
? 1
2~ s.lua:1: set_figure: year: '4294969319' is not a year (expected YYYY, 1990-2100)
$ printf 'ntm.add_project("plan", { unit = "TN-DH-BAOCUONG", year = 2^32 + 2024, name = "road" })\n' > s.lua && $NTM --db t.db run s.lua
? 1
2~ s.lua:1: add_project: year: '4294969320' is not a year (expected YYYY, 1990-2100)
$ printf 'ntm.add_project("plan", { unit = "TN-DH-BAOCUONG", year = 2024.5, name = "road" })\n' > s.lua && $NTM --db t.db run s.lua
? 1
2~ s.lua:1: add_project: year: a whole number expected, got number 2024.5
# a fund is one of funding.csv's; amounts are numbers, not negative
$ printf 'ntm.add_funding("plan", { unit = "TN-DH", year = 2024, fund = "nonsense", allocated = 10 })\n' > s.lua && $NTM --db t.db run s.lua
? 1
2~ s.lua:1: add_funding: fund: 'nonsense' is not one of: central, province, district, commune, sponsor, people, credit, other
$ printf 'ntm.add_funding("plan", { unit = "TN-DH", year = 2024, fund = "central", allocated = -1e308 })\n' > s.lua && $NTM --db t.db run s.lua
? 1
2~ s.lua:1: add_funding: allocated: '-1e+308' is negative
$ printf 'ntm.add_funding("plan", { unit = "TN-DH", year = 2024, fund = "central", disbursed = 0/0 })\n' > s.lua && $NTM --db t.db run s.lua
? 1
2~ s.lua:1: add_funding: disbursed: '
2~ nan' is not a number
$ printf 'ntm.add_project("plan", { unit = "TN-DH-BAOCUONG", year = 2024, name = "road", cost = 1/0 })\n' > s.lua && $NTM --db t.db run s.lua
? 1
2~ s.lua:1: add_project: cost: 'inf' is not a number
# a figure set is checked as an imported one: not negative, yes/no 0 or 1
$ printf 'ntm.set_figure("plan", "TN-DH-BAOCUONG", "road_village_total_km", 2024, -1)\n' > s.lua && $NTM --db t.db run s.lua
? 1
2~ s.lua:1: set_figure: value: '-1' is negative
$ printf 'ntm.set_figure("plan", "TN-DH-BAOCUONG", "craft_village_plan_ok", 2024, 2)\n' > s.lua && $NTM --db t.db run s.lua
? 1
2~ s.lua:1: set_figure: value: '2' is not a yes/no figure (use 1 or 0)
# names and notes are plain text: a control character is refused, shown escaped
$ printf 'ntm.add_project("plan", { unit = "TN-DH-BAOCUONG", year = 2024, name = "road\\27[2J" })\n' > s.lua && $NTM --db t.db run s.lua
? 1
2~ s.lua:1: add_project: name: 'road\x1B[2J' has a control character
$ $NTM --db t.db scenario show plan
> scenario plan
# what passes the checks is recorded (an amount added may be negative)
$ printf 'ntm.set_figure("plan", "TN-DH-BAOCUONG", "road_village_total_km", 2024, 41)\nntm.add_figure("plan", "TN-DH-BAOCUONG", "road_village_total_km", 2024, -2)\nntm.add_funding("plan", { unit = "TN-DH", year = 2024, fund = "central", allocated = 100 })\n' > s.lua && $NTM --db t.db run s.lua && $NTM --db t.db scenario show plan
> scenario plan
>
> figures:
>   Bảo Cường 2024: road_village_total_km = 41
>   Bảo Cường 2024: road_village_total_km += -2
>
> funding:
>   Định Hóa 2024 central: allocated 100, disbursed 0 million VND

# ntm scenario set: the same checks
$ $NTM --db t.db scenario set plan --unit TN-DH-BAOCUONG --var road_village_total_km --year 4294969319 --value 1
? 2
2> ntm: scenario set: --year '4294969319' is not a year (expected YYYY, 1990-2100)
$ $NTM --db t.db scenario set plan --unit TN-DH-BAOCUONG --var road_village_total_km --year 2024 --value -5
? 2
2> ntm: scenario set: --value '-5' is negative
$ $NTM --db t.db scenario set plan --unit TN-DH-BAOCUONG --var craft_village_plan_ok --year 2024 --value 2
? 2
2> ntm: scenario set: --value '2' is not a yes/no figure (use 1 or 0)
$ $NTM --db t.db scenario set plan --unit TN-DH-BAOCUONG --var craft_village_plan_ok --year 2024 --add 1
? 1
2> ntm: scenario set: amount: a yes/no figure is set, not added to (use set_figure, or --value)
$ $NTM --db t.db scenario set plan --unit TN-DH-BAOCUONG --var craft_village_plan_ok --year 2024 --value có
> scenario plan: Bảo Cường 2024 craft_village_plan_ok = có
# a subnormal is a number
$ $NTM --db t.db scenario set plan --unit TN-DH-BAOCUONG --var road_village_total_km --year 2024 --value 4.9e-324
> scenario plan: Bảo Cường 2024 road_village_total_km = 4.9e-324

# an option of one value given twice is refused, naming it
$ $NTM --db t.db scenario set plan --unit TN-DH-BAOCUONG --var road_village_total_km --year 2023 --year 2024 --value 1
? 2
2> ntm: scenario: option '--year' is given twice ('2023', then '2024'); give it once
$ $NTM --db t.db --criteria crit eval roads --year 2023 --year=2024
? 2
2> ntm: eval: option '--year' is given twice ('2023', then '2024'); give it once
$ $NTM --db t.db --db other.db units
? 2
2> ntm: option '--db' is given twice ('t.db', then 'other.db'); give it once
$ $NTM --db t.db --criteria crit eval roads --unit TN-DH --explain --explain | tail -1
~ stored as run
