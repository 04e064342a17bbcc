# %% [markdown]
# # 第 3 讲：梯度下降
#
# *《PyTorch 深度学习实践》第 3 讲。*
#
# 第 2 讲通过尝试每一个 `w`，找到了模型 `y_hat = x * w` 的权重 `w`。本讲对同样的数据
# 提出同样的问题（学习 x 小时的学生考了 y 分：x = 1, 2, 3，y = 2, 4, 6；学习 4 小时的学生
# 能考多少分？），但改为**沿着斜率走**：从 `w = 1.0` 出发，计算代价的梯度，沿梯度的反方向
# 走一小步（学习率 0.01），重复 100 轮。`w` 趋近于 2，学习 4 小时的预测值趋近于 8。
# 本讲最后介绍随机梯度下降（SGD）：每个样本更新一次，用的是该样本的梯度。
#
# 完成下面的每个函数：把 `raise NotImplementedError` 换成你的代码。
# 运行 `grader check exercises/gradient_descent.zh.py`（笔记本则是 `.zh.ipynb`），看看哪些部分已经正确。

# %%
import numpy as np

X_DATA = [1.0, 2.0, 3.0]
Y_DATA = [2.0, 4.0, 6.0]
W0 = 1.0
LEARNING_RATE = 0.01
EPOCHS = 100

# %% [markdown]
# ## 1. 模型
#
# 和第 2 讲一样，模型的预测值是 `y_hat = x * w`：既适用于单个数，
# 也不加修改地适用于整个 NumPy 输入数组。


# %%
def forward(x, w):
    """线性模型对输入 `x`、权重 `w` 的预测值：x * w。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 2. 代价
#
# `w` 在数据集上的代价是均方误差：所有样本的 `(forward(x, w) - y) ** 2` 的平均值。
# 请除以给你的样本数，而不是除以 3。


# %%
def cost(x_data, y_data, w):
    """数据集中所有样本 (x, y) 的 (forward(x, w) - y) ** 2 的平均值。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 3. 梯度
#
# 代价在 `w` 处的斜率就是它的导数：所有样本的 `2 * x * (x * w - y)` 的平均值。
# 斜率为正的地方，`w` 越大代价越高。


# %%
def gradient(x_data, y_data, w):
    """d cost / d w：数据集中所有样本的 2 * x * (x * w - y) 的平均值。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 4. 一步更新
#
# 梯度下降让 `w` 沿斜率的**反方向**移动一点：`w - lr * grad`，其中 `lr` 是学习率。


# %%
def step(w, grad, lr):
    """沿梯度反方向更新一步后的权重：w - lr * grad。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 5. 训练：批量梯度下降
#
# 从 `w0` 出发，更新 `epochs` 次，每次都用整个数据集的梯度。在每一轮开始、更新之前
# 记录代价（即课上打印的内容），最后返回最终的 `w` 和代价列表。


# %%
def train(x_data, y_data, w0, lr, epochs):
    """(w, costs)：w 是从 w0 出发更新 `epochs` 次后的权重；costs[k] 是第 k 次更新之前的代价。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 6. 一个样本的梯度
#
# 随机梯度下降在每个样本之后都更新 `w`，只用该样本损失 `(x * w - y) ** 2` 的梯度：
# `2 * x * (x * w - y)`。


# %%
def sgd_gradient(x, y, w):
    """一个样本的损失 (x * w - y) ** 2 的梯度：2 * x * (x * w - y)。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 7. 随机梯度下降
#
# 按给定的顺序遍历数据 `epochs` 遍，每个样本之后用该样本的梯度更新 `w`。
# 每一轮结束后，记录本轮最后一个样本的损失（在该样本更新之后计算，即课上打印的内容）。


# %%
def train_sgd(x_data, y_data, w0, lr, epochs):
    """(w, losses)：w 是遍历数据 `epochs` 遍、每个样本更新一次后的权重；losses[k] 是第 k 轮结束时的损失。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 8. 答案
#
# 先训练，再用训练好的权重做预测。


# %%
def predict(x, x_data, y_data, w0, lr, epochs):
    """用 train(x_data, y_data, w0, lr, epochs) 最终得到的 w 计算的 forward(x, w)。"""
    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 9. 训练曲线
#
# 画出代价随轮次的变化：一条线，x 从 0 到 len(costs) - 1，并给两个坐标轴加上标签。
# 返回你画图用的 Axes。


# %%
def plot_costs(costs):
    """画出代价随轮次（0, 1, ...）的变化，并给坐标轴加上标签；返回 Axes。"""
    import matplotlib.pyplot as plt

    # YOUR CODE HERE
    raise NotImplementedError


# %% [markdown]
# ## 试一试
#
# 当你的函数都能正常工作后，运行这个文件（`python gradient_descent.zh.py`），
# 或者运行笔记本中的这个单元格：它会打印课上的训练过程，并画出训练曲线。

# %%
if __name__ == "__main__":
    import matplotlib.pyplot as plt

    print("Predict (before training)", 4.0, forward(4.0, W0))
    w, costs = train(X_DATA, Y_DATA, W0, LEARNING_RATE, EPOCHS)
    for epoch in range(0, EPOCHS, 10):
        print(f"Epoch: {epoch}  cost = {costs[epoch]:.6f}")
    print(f"w = {w:.4f}; a student who studies 4 hours scores "
          f"{predict(4.0, X_DATA, Y_DATA, W0, LEARNING_RATE, EPOCHS):.4f}")
    w_sgd, losses = train_sgd(X_DATA, Y_DATA, W0, LEARNING_RATE, EPOCHS)
    print(f"SGD: w = {w_sgd:.4f}, last loss = {losses[-1]:.6f}")
    plot_costs(costs)
    plt.show()
