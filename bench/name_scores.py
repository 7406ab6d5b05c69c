"""How the models score plain personal names, by the origin of the name: the figure behind
the README's note on ``author_analysis`` (a desk saw "Sam Okafor" at toxicity 0.56 and
asked whether names of some origins score higher).

Seventy names the team wrote, ten for each of seven origins, each scored alone as a
comment would be (a user name is read the same way, as its words). Prints per origin the
median and highest toxicity and how many names reach 0.4, a hold line of the default
policy for comments (names act only from ``[authors] screen_from``).

Usage: PYTHONPATH=src python bench/name_scores.py [--model DIR]
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from threadguard.engine import CommentInput, Engine

NAMES = {
    "English or Scots": "John Smith|Emma Watson|Gordon Kilgour|Sarah Thompson|James Brown|"
    "Lucy Hughes|Mark Hollis|Fiona Broughty|Ewan Rattray|Claire Davies",
    "West or Southern African": "Sam Okafor|Oluwaseun Adeyemi|Nomvula Khumalo|Kwame Mensah|"
    "Chidi Eze|Thabo Nkosi|Amara Diallo|Jabu Dlamini|Ngozi Obi|Kofi Boateng",
    "South Asian": "Priya Sharma|Rahul Gupta|Ayesha Moosa|Imran Khan|Sunita Patel|"
    "Harpreet Singh|Farouk Essop|Anjali Rao|Vikram Mehta|Zainab Hussain",
    "Arabic": "Mohammed Ali|Omar Haddad|Fatima Zahra|Ali Hassan|Layla Mansour|Youssef Khalil|"
    "Nour Saleh|Karim Aziz|Huda Nasser|Tariq Aziz",
    "East Asian": "Wei Zhang|Mei Lin|Hiroshi Tanaka|Yuki Sato|Min-jun Kim|Ji-woo Park|Li Na|"
    "Kenji Watanabe|Hana Choi|Chen Jie",
    "Hispanic": "Carlos Garcia|Maria Lopez|Jose Hernandez|Lucia Martinez|Diego Ramirez|"
    "Sofia Torres|Juan Perez|Camila Flores|Luis Gomez|Ana Rodriguez",
    "Eastern European": "Piotr Nowak|Anna Kowalska|Ivan Petrov|Olena Shevchenko|Tomas Novak|"
    "Marta Wisniewska|Dmitri Volkov|Katarzyna Zielinska|Andrei Popescu|Jana Horvath",
}
#: The default policy's toxicity hold line for comments.
LINE = 0.4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="a candidate model folder")
    args = parser.parse_args()
    engine = Engine.load(args.model) if args.model else Engine.load()
    print(f"{engine.model_version}: toxicity of plain personal names, scored alone")
    for origin, joined in NAMES.items():
        names = joined.split("|")
        tox = [a.scores["toxicity"] for a in engine.analyze([CommentInput(n) for n in names])]
        top = max(range(len(names)), key=lambda i: tox[i])
        print(
            f"  {origin:26s} median {statistics.median(tox):.2f}  highest {tox[top]:.2f} "
            f"({names[top]})  at {LINE} or more: {sum(t >= LINE for t in tox)} of {len(names)}"
        )


if __name__ == "__main__":
    main()
