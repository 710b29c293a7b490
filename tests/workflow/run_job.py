#!/usr/bin/env python3
"""Runs the jobs of a GitHub Actions workflow that an event starts, step by step, on this machine.

    run_job.py WORKFLOW --event NAME --context FILE --workspace DIR --stand-ins DIR
               --logs DIR --results FILE

Each `run:` step runs as GitHub runs it: its script in a file, with the step's shell (`shell: bash`
is `bash --noprofile --norc -eo pipefail FILE`, no shell is `bash -e FILE`), in GITHUB_WORKSPACE,
with GitHub's variables (GITHUB_WORKSPACE, GITHUB_SHA, GITHUB_ENV, GITHUB_STEP_SUMMARY, RUNNER_TEMP
...) and the `env:` of the workflow, the job and the step, whose `${{ ... }}` expressions are
looked up in the context FILE (JSON: github, secrets, vars, runner). A `uses:` step runs the
executable DIR/<owner>/<action> of --stand-ins, with its `with:` inputs as INPUT_<NAME>
(upper case, `-` as `_`). Steps and jobs are skipped by their `if:` as on GitHub (the default is
success()). A `${{ }}` inside a `run:` script, an expression this runner does not understand or a
value the context lacks stops the run with exit status 2: nothing is guessed.

`runs-on:` and `container:` are not emulated: the steps run on this machine, which is, like the
workflow's container, a Debian bookworm with the packages of scripts/setup.sh.

Each step's output goes to LOGS/<job>.<n>.out and .err; one line per step is appended to the
results FILE: job, step number, name, exit status (or "skipped"), tab-separated.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

import yaml


class Unsupported(Exception):
    pass


EXPR = re.compile(r"\$\{\{(.*?)\}\}", re.S)
TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>\d+)|(?P<op>==|!=|&&|\|\||!|\(|\))"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_.-]*(?:\(\))?))"
)


def lookup(context, dotted):
    value = context
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            if dotted.startswith(("secrets.", "vars.")) and dotted.count(".") == 1:
                return ""  # GitHub gives an unset secret or variable as ''
            raise Unsupported(f"the test's context has no value for '{dotted}'")
        value = value[part]
    return value


def evaluate(expression, context, status):
    """A GitHub expression of names, strings, numbers, ==, !=, !, &&, || and the status functions."""
    python = []
    pos = 0
    expression = expression.strip()
    while pos < len(expression):
        m = TOKEN.match(expression, pos)
        if not m or m.end() == pos:
            raise Unsupported(f"cannot read the expression '{expression}'")
        pos = m.end()
        if m.group("str") is not None:
            python.append(repr(m.group("str")[1:-1].replace("''", "'")))
        elif m.group("num") is not None:
            python.append(m.group("num"))
        elif m.group("op") is not None:
            python.append({"&&": " and ", "||": " or ", "!": " not "}.get(m.group("op"), m.group("op")))
        else:
            name = m.group("name")
            functions = {
                "success()": status == "success",
                "failure()": status == "failure",
                "always()": True,
                "cancelled()": False,
            }
            if name.endswith("()"):
                if name not in functions:
                    raise Unsupported(f"the function {name} in '{expression}'")
                python.append(repr(functions[name]))
            else:
                python.append(repr(lookup(context, name)))
    return eval("".join(python), {"__builtins__": {}}, {})  # only literals and operators


def substitute(text, context):
    """A string with `${{ expr }}` replaced by the expression's value."""
    if not isinstance(text, str):
        return "" if text is None else str(text).lower() if isinstance(text, bool) else str(text)

    def value(m):
        v = evaluate(m.group(1), context, "success")
        return "" if v is None else str(v).lower() if isinstance(v, bool) else str(v)

    return EXPR.sub(value, text)


def should_run(condition, context, status):
    if condition is None:
        return status == "success"
    text = str(condition).strip()
    m = re.fullmatch(r"\$\{\{(.*)\}\}", text, re.S)
    expression = m.group(1) if m else text
    uses_status = re.search(r"\b(success|failure|always|cancelled)\(\)", expression)
    result = bool(evaluate(expression, context, status))
    # As on GitHub: an `if:` without a status function means success() && (it).
    return result if uses_status else result and status == "success"


def env_block(block, context):
    return {str(k): substitute(v, context) for k, v in (block or {}).items()}


def read_env_file(path):
    """KEY=value lines and KEY<<DELIMITER blocks, as GITHUB_ENV holds them."""
    out = {}
    lines = open(path, encoding="utf-8").read().split("\n") if os.path.exists(path) else []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            key, delimiter = line.split("<<", 1)
            i += 1
            value = []
            while i < len(lines) and lines[i] != delimiter:
                value.append(lines[i])
                i += 1
            out[key] = "\n".join(value)
        elif "=" in line:
            key, value = line.split("=", 1)
            out[key] = value
        i += 1
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workflow")
    ap.add_argument("--event", required=True)
    ap.add_argument("--context", required=True)
    ap.add_argument("--workspace", required=True)
    ap.add_argument("--stand-ins", required=True)
    ap.add_argument("--logs", required=True)
    ap.add_argument("--results", required=True)
    args = ap.parse_args()

    workflow = yaml.safe_load(open(args.workflow, encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    if isinstance(triggers, str):
        triggers = [triggers]
    if args.event not in triggers:
        raise Unsupported(f"the workflow does not run on {args.event}")
    context = json.load(open(args.context, encoding="utf-8"))
    os.makedirs(args.logs, exist_ok=True)
    workspace = os.path.abspath(args.workspace)
    runner_temp = context["runner"]["temp"]
    default_shell = ((workflow.get("defaults") or {}).get("run") or {}).get("shell")
    workflow_env = env_block(workflow.get("env"), context)
    failed_jobs = 0

    for job_id, job in workflow["jobs"].items():
        if "if" in job and not should_run(job["if"], context, "success"):
            print(f"  job {job_id}: skipped")
            continue
        os.makedirs(workspace, exist_ok=True)
        os.makedirs(runner_temp, exist_ok=True)
        files = {
            name: os.path.join(runner_temp, f"_{job_id}.{name.lower()}")
            for name in ("GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_PATH")
        }
        for path in files.values():
            open(path, "w").close()
        job_env = {**workflow_env, **env_block(job.get("env"), context)}
        job_shell = ((job.get("defaults") or {}).get("run") or {}).get("shell", default_shell)
        status = "success"
        print(f"  job {job_id}:")
        for n, step in enumerate(job["steps"], 1):
            name = step.get("name") or step.get("uses") or step.get("run", "").split("\n")[0]
            if not should_run(step.get("if"), context, status):
                print(f"    {n}. {name}: skipped")
                with open(args.results, "a") as r:
                    r.write(f"{job_id}\t{n}\t{name}\tskipped\n")
                continue
            env = dict(os.environ)
            env.update(
                CI="true",
                GITHUB_ACTIONS="true",
                GITHUB_WORKSPACE=workspace,
                GITHUB_EVENT_NAME=args.event,
                GITHUB_SHA=str(lookup(context, "github.sha")),
                GITHUB_REF=str(lookup(context, "github.ref")),
                GITHUB_REPOSITORY=str(lookup(context, "github.repository")),
                GITHUB_JOB=job_id,
                RUNNER_OS="Linux",
                RUNNER_TEMP=runner_temp,
                **files,
            )
            if args.event == "pull_request":
                env["GITHUB_BASE_REF"] = str(lookup(context, "github.base_ref"))
                env["GITHUB_HEAD_REF"] = str(lookup(context, "github.head_ref"))
            extra_path = [p for p in open(files["GITHUB_PATH"]).read().split("\n") if p]
            if extra_path:
                env["PATH"] = os.pathsep.join(list(reversed(extra_path)) + [env["PATH"]])
            env.update(job_env)
            env.update(read_env_file(files["GITHUB_ENV"]))
            env.update(env_block(step.get("env"), context))
            out = os.path.join(args.logs, f"{job_id}.{n}.out")
            err = os.path.join(args.logs, f"{job_id}.{n}.err")
            cwd = os.path.join(workspace, step.get("working-directory", "."))
            if "run" in step:
                script = step["run"]
                if "${{" in script:
                    raise Unsupported(f"step '{name}' has a ${{{{ }}}} expression in run:; put it in env:")
                shell = step.get("shell", job_shell)
                script_file = os.path.join(runner_temp, f"_{job_id}.{n}.sh")
                with open(script_file, "w", encoding="utf-8") as f:
                    f.write(script)
                if shell == "bash":
                    command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", script_file]
                elif shell is None:
                    command = ["bash", "-e", script_file]
                else:
                    raise Unsupported(f"step '{name}': shell {shell}")
            else:
                action = step["uses"].split("@")[0]
                command = [os.path.join(args.stand_ins, action)]
                if not os.access(command[0], os.X_OK):
                    raise Unsupported(f"step '{name}': no stand-in for {action}")
                for key, value in (step.get("with") or {}).items():
                    env["INPUT_" + str(key).upper().replace("-", "_")] = substitute(value, context)
            started = time.monotonic()
            with open(out, "wb") as o, open(err, "wb") as e:
                code = subprocess.run(command, cwd=cwd, env=env, stdout=o, stderr=e).returncode
            print(f"    {n}. {name}: exit {code} ({time.monotonic() - started:.1f} s)")
            with open(args.results, "a") as r:
                r.write(f"{job_id}\t{n}\t{name}\t{code}\n")
            if code != 0 and not step.get("continue-on-error"):
                status = "failure"
        failed_jobs += status != "success"
    return 1 if failed_jobs else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Unsupported as e:
        print(f"run_job.py: {e}", file=sys.stderr)
        sys.exit(2)
