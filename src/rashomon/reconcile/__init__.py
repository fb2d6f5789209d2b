"""Reconciliation: the reports of one event, read together, become one dossier.

Read in processing order:

- :mod:`rashomon.reconcile.evidence`: a report (article + analysis) as claims and figures with provenance;
- :mod:`rashomon.reconcile.casualties`: figures aligned into side/kind slots, each with low/best/high;
- :mod:`rashomon.reconcile.actors`: canonical actors with roles and the labels each report uses;
- :mod:`rashomon.reconcile.discrepancies`: where the reports disagree or leave things out;
- :mod:`rashomon.reconcile.dossier`: the event object of the export contract, and the ``reconcile`` stage;
- :mod:`rashomon.reconcile.events`: which articles form which event, and the ``dossiers`` table.

The rules are documented in ``docs/reconcile.md``.
"""

RECONCILE_VERSION = "reconcile-17"
"""Part of every dossier's fingerprint: bump it when a rule changes so stored dossiers are rebuilt."""
