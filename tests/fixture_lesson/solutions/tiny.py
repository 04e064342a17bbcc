# %% [markdown]
# # A tiny lesson

# %%
def double(x):
    """Twice x."""
    ### BEGIN SOLUTION
    return 2 * x
    ### END SOLUTION


# %%
def total(values):
    """The sum of the values."""
    ### BEGIN SOLUTION
    return float(sum(values))
    ### END SOLUTION


# %%
def twice_total(values):
    """double(total(values))."""
    ### BEGIN SOLUTION
    return double(total(values))
    ### END SOLUTION
