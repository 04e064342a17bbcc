# %% [markdown]
# # 第 2 讲：线性模型，用穷举法求解
#
# *《PyTorch 深度学习实践》第 2 讲。*
#
# 学习 **x** 小时的学生考了 **y** 分。我们有三个学生的数据：
#
# | x（小时） | y（分数） |
# |---|---|
# | 1 | 2 |
# | 2 | 4 |
# | 3 | 6 |
#
# 学习 4 小时的学生能考多少分？我们猜测分数是学习时间的倍数，`y_hat = x * w`，
# 然后寻找最能拟合数据的权重 `w`：从 0.0 到 4.0、以 0.1 为步长尝试每一个 `w`，
# 保留预测值与数据最接近的那一个。这里还不用微积分：只是尝试、度量、保留最好的。
#
# 完成下面的每个函数：把 `raise NotImplementedError` 换成你的代码。
# 运行 `grader check exercises/linear_model.zh.py`（笔记本则是 `.zh.ipynb`），看看哪些部分已经正确。

# %%
import numpy as np

X_DATA = [1.0, 2.0, 3.0]
Y_DATA = [2.0, 4.0, 6.0]
W_VALUES = np.arange(0.0, 4.1, 0.1)

# %% [markdown]
# ## 1. 模型
#
# 模型的预测值是 `y_hat = x * w`。写出的代码既要适用于单个数，
# 也要不加修改地适用于整个 NumPy 输入数组。


# %%
def forward(x, w):
    """线性模型对输入 `x`、权重 `w` 的预测值：x * w。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 2. 一个样本的损失
#
# 一个预测值偏离了多少？课上对误差取平方：`(y_hat - y) ** 2`。
# 平方让每个误差都变成正数，并且对大误差的惩罚比小误差更重。


# %%
def loss(x, y, w):
    """一个样本预测值的平方误差：(forward(x, w) - y) ** 2。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 3. 代价：均方误差
#
# 一个权重在整个数据集上的代价，是各个样本损失的**平均值**（均方误差，MSE）。
# 请除以给你的数据中的样本数，而不是除以 3：同一个函数必须适用于任何数据集。


# %%
def mse(x_data, y_data, w):
    """数据集中所有样本 (x, y) 的 loss(x, y, w) 的平均值。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 4. 穷举：每个 w 的代价
#
# 按给定的顺序，计算 `w_values` 中每个权重的 MSE。
# 这就是课上打印的表：`w=0.0 MSE=18.67`、`w=0.1 MSE=16.85`……


# %%
def mse_sweep(x_data, y_data, w_values):
    """w_values 中每个 w 的 MSE，顺序不变：每个 w 一个数。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 5. 找出最小值，回答问题
#
# 最优的权重是 MSE 最小的那个。返回权重本身，而不是它在列表中的位置。
# 然后用它预测学习 `x` 小时的学生的分数。


# %%
def best_w(x_data, y_data, w_values):
    """w_values 中在数据上 MSE 最小的 w。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %%
def predict(x, x_data, y_data, w_values):
    """用穷举找到的最优 w 对 x 做出的预测值。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 6. 带偏置的模型
#
# 现在的数据是 `x = [1, 2, 3]`、`y = [4, 7, 10]`：没有一条过原点的直线能拟合它们。
# 模型增加第二个参数，偏置 `b`：`y_hat = x * w + b`。

# %%
XB_DATA = [1.0, 2.0, 3.0]
YB_DATA = [4.0, 7.0, 10.0]
WB_VALUES = np.arange(0.0, 4.1, 0.1)
B_VALUES = np.arange(-2.0, 2.1, 0.1)


# %%
def forward_wb(x, w, b):
    """带偏置模型的预测值：x * w + b。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %%
def mse_wb(x_data, y_data, w, b):
    """带偏置模型在数据集上的均方误差。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 7. (w, b) 网格上的代价
#
# 有两个参数时，我们遍历一个网格。`np.meshgrid(w_values, b_values)` 返回两个
# 形状为 `(len(b_values), len(w_values))` 的数组 `W` 和 `B`：第 `i` 行对应
# `b_values[i]`，第 `j` 列对应 `w_values[j]`。返回 `W`、`B` 和形状相同的数组 `MSE`，
# 其中 `MSE[i, j]` 是 `(W[i, j], B[i, j])` 处的代价。


# %%
def mse_grid(x_data, y_data, w_values, b_values):
    """np.meshgrid(w_values, b_values) 上的 (W, B, MSE)：MSE[i, j] 是 (W[i, j], B[i, j]) 处的代价。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 8. 从课上的循环到网格
#
# 课上用双重循环填充三个扁平列表，`w` 在外层，`b` 在内层：
#
# ```python
# for w in w_values:
#     for b in b_values:
#         w_list.append(w); b_list.append(b); mse_list.append(mse_wb(x_data, y_data, w, b))
# ```
#
# 把它们变成按 `np.meshgrid(w_values, b_values)` 布局的 `W`、`B`、`MSE`。
# 注意：列表先把第一个 `w` 的所有 `b` 走完，所以它**不是** meshgrid 的行顺序。
# 直接 `reshape(len(b_values), len(w_values))` 会把代价弄乱
# （而在方形网格上甚至看不出有什么不对）。


# %%
def to_grid(w_list, b_list, mse_list):
    """np.meshgrid 布局的 (W, B, MSE)，由 w 在外层、b 在内层填充的扁平列表得到。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 9. 最优的 (w, b)


# %%
def best_wb(x_data, y_data, w_values, b_values):
    """MSE 最小的网格点 (w, b)。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 10. 画图
#
# 画出代价随 `w` 变化的曲线（课上的曲线，在 w = 2 处最低），
# 并把 (w, b) 网格上的代价画成三维曲面。给坐标轴加上标签，并返回你画图用的 Axes。
# （matplotlib 在这些函数内部导入，这样文件的其余部分加载得更快。）


# %%
def plot_sweep(w_values, mse_values):
    """把 MSE 随 w 的变化画成一条线；返回 Axes。"""
    import matplotlib.pyplot as plt

    # YOUR CODE HERE
    raise NotImplementedError


# %%
def plot_surface(W, B, MSE):
    """把 (W, B) 网格上的 MSE 画成三维曲面；返回三维 Axes。"""
    import matplotlib.pyplot as plt

    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 试一试
#
# 当你的函数都能正常工作后，运行这个文件（`python linear_model.zh.py`），
# 或者运行笔记本中的这个单元格：它会打印课上的答案，并画出两张图。

# %%
if __name__ == "__main__":
    import matplotlib.pyplot as plt

    w = best_w(X_DATA, Y_DATA, W_VALUES)
    print(f"best w = {w:.1f}; a student who studies 4 hours scores {predict(4.0, X_DATA, Y_DATA, W_VALUES):.1f}")
    plot_sweep(W_VALUES, mse_sweep(X_DATA, Y_DATA, W_VALUES))
    W, B, MSE = mse_grid(XB_DATA, YB_DATA, WB_VALUES, B_VALUES)
    print("best (w, b) =", tuple(round(float(v), 1) for v in best_wb(XB_DATA, YB_DATA, WB_VALUES, B_VALUES)))
    plot_surface(W, B, MSE)
    plt.show()
