"""The commands of ``workshop-app`` (:mod:`workshop_app.cli`), one module per kind: files
(:mod:`~workshop_app.commands.files`) and reports (:mod:`~workshop_app.commands.reports`), with
what they share (:mod:`~workshop_app.commands.common`) and their arguments
(:mod:`~workshop_app.commands.arguments`)."""
