#!/usr/bin/env bash
# Runs FlowCenter on http://127.0.0.1:5080 and, beside it, the simulated enterprise systems (CRM, ERP, MES,
# WMS, SRM, finance, HRM, OA) on http://127.0.0.1:5090, whose connections FlowCenter registers in its
# embedded database. Both keep their data in SQLite files (src/FlowCenter.Server/data and
# samples/FlowCenter.Samples.Enterprise/data). Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")"

dotnet build src/FlowCenter.Server --nologo -v quiet -clp:ErrorsOnly
dotnet build samples/FlowCenter.Samples.Enterprise --nologo -v quiet -clp:ErrorsOnly

# The simulators stop by themselves when FlowCenter (this process, after exec) is gone.
dotnet run --project samples/FlowCenter.Samples.Enterprise --no-build -- --Enterprise:ParentProcessId "$$" &
# The demo: its organisation with a known password, and the simulators' connections with their webhook key.
# A FlowCenter started otherwise has neither (see the README's Production section).
export FlowCenter__Security__SeedDemoUsers=true FlowCenter__Security__DemoPassword='FlowCenter1!'
export FlowCenter__Demo__EnterpriseUrl=http://127.0.0.1:5090 FlowCenter__Demo__WebhookSecret=enterprise-demo-secret
exec dotnet run --project src/FlowCenter.Server --no-build
