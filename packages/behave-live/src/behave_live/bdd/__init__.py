"""Behave glue: the only part of the kit that imports behave.

Owns the hooks that give each scenario its server and HTTP session (:mod:`.hooks`), the
check that fails a step when the app crashed (:mod:`.crash_check`), attachments for the
HTML report (:mod:`.report`), the generic step library (:mod:`.steps`) and its generated
reference (:mod:`.step_reference`).
"""

from __future__ import annotations
