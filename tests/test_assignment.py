"""The lesson's checks as a whole: points, titles, coverage of every exercise."""


def test_points_sum_to_100_and_every_exercise_has_checks(lesson):
    checks = lesson.checks()
    assert sum(c.points for c in checks) == 100
    assert {c.exercise for c in checks} == {e.id for e in lesson.exercises}
    assert len(lesson.exercises) == 13


def test_every_check_has_a_title_and_a_unique_name(lesson):
    checks = lesson.checks()
    assert all(c.title and not c.title.endswith(".") for c in checks)
    assert len({c.name for c in checks}) == len(checks)


def test_every_exercise_is_a_function_of_the_reference(lesson):
    reference = lesson.reference()
    assert all(callable(getattr(reference, e.id)) for e in lesson.exercises)
