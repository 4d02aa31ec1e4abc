"""Turn `mutmut results --all true` into benchmarks/MUTATION.md: the score per module.

Each line of mutmut's output is `<module>.<function>__mutmut_<n>: <status>`.
Score: killed / (killed + survived), over mutants that ran; mutants listed in
EQUIVALENT are left out of the score, each with the reason it cannot be killed.
"""

from __future__ import annotations

import collections
import datetime
import re
import sys

# mutant name -> why no test can tell it from the original (reviewed by hand).
EQUIVALENT: dict[str, str] = {}

LINE = re.compile(r"^\s*(?P<name>showcase\.(?P<module>\w+)\.\S+__mutmut_\d+): (?P<status>[\w ]+)$")


def main(path: str) -> None:
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for line in open(path, encoding="utf-8"):
        match = LINE.match(line.strip())
        if not match:
            continue
        status = "equivalent" if match["name"] in EQUIVALENT else match["status"].strip()
        counts[match["module"]][status] += 1
    print("# Mutation testing of the core")
    print()
    print(f"Measured {datetime.date.today().isoformat()} with mutmut 3.8.1: `bash scripts/mutation`.")
    print("Score: killed ÷ (killed + survived); equivalent mutants are left out (listed in scripts/mutation_report.py).")
    print()
    print("| module | killed | survived | timeout | other | score |")
    print("|---|---|---|---|---|---|")
    for module, c in sorted(counts.items()):
        killed, survived, timeout = c["killed"], c["survived"], c["timeout"]
        other = sum(c.values()) - killed - survived - timeout - c["equivalent"]
        score = f"{100 * (killed + timeout) / (killed + timeout + survived):.1f} %" if killed + timeout + survived else "–"
        print(f"| `{module}` | {killed} | {survived} | {timeout} | {other} | {score} |")


if __name__ == "__main__":
    main(sys.argv[1])
