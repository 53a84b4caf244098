# Sales MIS: the two commands of the README are `make run` and `make test`.
PY := .venv/bin/python

.PHONY: run test setup odoo-suite bench bench-forecast load matrix shell pot browser

setup:
	@bin/setup

## Set everything up, create database `sales_mis` with demo data, serve on 127.0.0.1:8069.
run: setup
	@$(PY) bin/sales-mis run

## Every test on a fresh throwaway database; ends with pytest's summary line.
test: setup
	@$(PY) bin/sales-mis test

## Browser flows only (tests/browser: each role's main flow in the web client, desktop and phone)
## on a fresh throwaway database; screenshots in .runtime/screenshots/flows/.
browser: setup
	@$(PY) bin/sales-mis test tests/browser

## Odoo's own tests of crm, sale, sale_management, sale_stock, sale_crm, account under our runtime.
odoo-suite: setup
	@$(PY) bin/sales-mis odoo-suite

## Benchmarks on a generated 1M-order-line database (prints figures; not pass/fail).
## `make bench ONLY=reports` runs only tests/bench/bench_*reports*.py.
bench: setup
	@$(PY) bin/sales-mis bench $(ONLY)

## What our addons add to everyday writes: order create/confirm, opportunity, activity, visit as a
## salesperson in stock Odoo / the Odoo modules we depend on / those plus ours, interleaved; prints
## medians, p90, queries and the ratios ours/deps. `make bench-writes BENCH_WRITES_ARGS="--orders 50"`.
.PHONY: bench-writes
bench-writes: setup
	@$(PY) tests/bench/bench_write_overhead.py $(BENCH_WRITES_ARGS)

## Forecast engine accuracy on M1/Tourism monthly (~17 min) and speed on 10,000 series (~1 min).
bench-forecast: setup
	@$(PY) tests/bench/forecast_speed.py
	@$(PY) tests/bench/forecast_accuracy.py

## Load test: prefork server, 20 XML-RPC clients for 60 s, then every acknowledged write checked.
## `make load LOAD_ARGS="--clients 40 --seconds 120 --workers 6"` to change it.
load: setup
	@$(PY) tests/load/run_load.py $(LOAD_ARGS)

## Role x model x operation matrix over XML-RPC as each demo role (prints it; exit 1 on any surprise),
## then the protected-field matrix of the workflow models at full size (each context key alone too).
matrix: setup
	@$(PY) tests/load/role_matrix.py
	@SALES_MIS_MATRIX_FULL=1 $(PY) bin/sales-mis test addons/sales_mis/tests/test_workflow_matrix.py -s -q -p no:warnings

## Fault scenarios on a fresh test database: kill -9 during an offline import and during forecast
## runs, PostgreSQL restarted under a running server (private cluster); prints each outcome.
.PHONY: faults fuzz backup-check api-docs
faults: setup
	@$(PY) bin/sales-mis test tests/faults -s -q -p no:warnings

## Bad-input properties (hypothesis) with 50 examples each (4 inside `make test`); prints what each covered.
fuzz: setup
	@SALES_MIS_FUZZ_EXAMPLES=$${SALES_MIS_FUZZ_EXAMPLES:-50} $(PY) bin/sales-mis test tests/test_fuzz_common.py tests/test_fuzz_rpc.py tests/test_fuzz_create_write.py tests/test_fuzz_visit_import_rpc.py tests/test_fuzz_regressions.py addons/sales_mis/tests/test_visit_import_fuzz.py addons/sales_mis/tests/test_visit_import_limits.py -s -q -p no:warnings

## Backup of a fresh test database, restored under a new name, every table and file compared (prints the counts).
backup-check: setup
	@$(PY) bin/sales-mis test tests/test_backup_restore.py -s -q -p no:warnings

## Every example of docs/api.md run against a test server.
api-docs: setup
	@$(PY) bin/sales-mis test tests/test_api_docs.py -s -q -p no:warnings

## Rewrite the method reference of docs/api.md from the fuzz inventory and the docstrings (no database).
.PHONY: api-reference
api-reference:
	@bin/api-reference

## Odoo shell on the run database.
shell: setup
	@$(PY) bin/odoo shell -c .runtime/odoo.conf -d sales_mis

## Regenerate the .pot templates of both addons from the run database.
pot: setup
	@$(PY) bin/sales-mis pot
