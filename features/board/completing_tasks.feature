@fixture.server.per_scenario
Feature: Completing tasks
  As a member of a team
  I want to mark a task done when the work is finished
  So that the team can see what is left to do

  Words: [completing](glossary.md#completing), [status](glossary.md#status),
  [version](glossary.md#version).

  Background:
    Given Alice and Bob are members of team Apollo
    And Alice has added the task 'Renew the certificate'

  Rule: Anyone in the team can complete a task that is not yet done

    Scenario: Anyone in the team can complete a task
      When Bob completes the task 'Renew the certificate'
      Then Alice should see 'Renew the certificate' on the Apollo board with the status 'done'

    Scenario: A task in progress can be completed
      Given Alice has given the task 'Renew the certificate' the status 'doing'
      When Alice completes the task 'Renew the certificate'
      Then the task should have the status 'done'

    Scenario: Completing a task is a change like any other
      When Bob completes the task 'Renew the certificate'
      Then the task should be at version 2

    Scenario: A reopened task can be completed again
      Given Alice has completed the task 'Renew the certificate'
      And Bob has given the task 'Renew the certificate' the status 'todo'
      When Alice completes the task 'Renew the certificate'
      Then the task should have the status 'done'

  Rule: A task that is already done cannot be completed; its status can still be set to 'done'

    Scenario: A task cannot be completed twice
      Given Alice has completed the task 'Renew the certificate'
      When Bob tries to complete the task 'Renew the certificate'
      Then Bob should be told the task is already done
      And the task 'Renew the certificate' should be unchanged

    Scenario: Setting the status of a done task to 'done' again is accepted, as a change
      Given Alice has completed the task 'Renew the certificate'
      When Bob gives the task 'Renew the certificate' the status 'done'
      Then the task should have these details:
        | status  | done |
        | version | 3    |
