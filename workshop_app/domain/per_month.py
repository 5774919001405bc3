"""How many of each period fit in a month: the ranking model's rule, in exact fractions.

Apart from the model (beside which it was kept so that reading an estimate would not load the
ranking) so that opening a workshop loads neither the ranking nor ``fractions``.
"""

from __future__ import annotations

from fractions import Fraction

from workshop_app.domain.kinds import WORKING_DAYS_PER_MONTH, Period

PER_MONTH: dict[Period, Fraction] = {
    Period.DAY: Fraction(WORKING_DAYS_PER_MONTH),
    Period.WEEK: Fraction(52, 12),
    Period.MONTH: Fraction(1),
    Period.QUARTER: Fraction(1, 3),
    Period.YEAR: Fraction(1, 12),
}
