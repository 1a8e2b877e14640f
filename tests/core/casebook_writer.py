"""Saves to one case, and adds cases, as fast as it can until killed: the crash-safety test's victim.

Usage: python casebook_writer.py CASEBOOK CASE_ID. Each update sets the case's ``wellbeing``
judgement and its provider identifier ``n`` to the same counter, so a half-applied change would show
as a mismatch. A line is printed (and flushed) only after each commit has returned.
"""

import sys

import attrs
from inspectorate.casebook import Casebook
from inspectorate.model import Judgement


def main(path: str, case_id: str) -> None:
    with Casebook.open(path, who="writer") as book:
        stored = book.get(case_id)
        case, version = stored.case, stored.version
        n = 0
        while True:
            n += 1
            case = attrs.evolve(
                case,
                judgements=[Judgement("wellbeing", str(n))],
                provider=attrs.evolve(case.provider, identifiers={"n": str(n)}),
            )
            version = book.update(case_id, case, version, what=f"step {n}").version
            print(f"updated {n} version {version}", flush=True)
            added = book.add(attrs.evolve(case, provider=attrs.evolve(case.provider, name=f"Added {n}")))
            print(f"added {added.id}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
