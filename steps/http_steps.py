"""Register the kit's generic HTTP step library for this project's features."""

from behave_live.bdd.steps import *
