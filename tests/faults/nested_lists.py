"""to_grid returns a list nested 1000 deep and a list that contains itself."""


def to_grid(w_list, b_list, mse_list):
    deep = []
    for _ in range(1000):
        deep = [deep]
    looped = [1.0]
    looped.append(looped)
    return deep, looped, [1.0]
