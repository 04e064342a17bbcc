"""The tiny lesson's checks: 2 + 3 + 5 = 10 points, 3 of them hidden."""

from hypothesis import given, strategies as st

from grader.authoring import ask, check, expect_close, numbers


@check("double", 2)
def double_example(student, ref):
    """double(3.0) is 6.0"""
    call, value = ask(student, "double", 3.0)
    expect_close(call, value, ref.double(3.0))


@check("total", 3)
def total_example(student, ref):
    """total([1.0, 2.0, 3.5]) is 6.5"""
    call, value = ask(student, "total", [1.0, 2.0, 3.5])
    expect_close(call, value, ref.total([1.0, 2.0, 3.5]))


@check("twice_total", 2)
def twice_total_example(student, ref):
    """twice_total([1.0, 2.0]) is 6.0"""
    call, value = ask(student, "twice_total", [1.0, 2.0])
    expect_close(call, value, ref.twice_total([1.0, 2.0]))


@check("twice_total", 3, hidden=True)
@given(values=st.lists(numbers(), min_size=1, max_size=4))
def twice_total_matches(student, ref, values):
    """twice_total is twice the sum, for any values"""
    call, value = ask(student, "twice_total", values)
    expect_close(call, value, ref.twice_total(values))
